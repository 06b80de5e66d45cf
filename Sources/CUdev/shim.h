// libudev: device enumeration and the hotplug monitor (LipTwitchSystem/Udev).
#include <libudev.h>
