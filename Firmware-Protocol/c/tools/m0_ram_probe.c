/*
 * m0_ram_probe.c - compiled (never run) by `make size` for the Cortex-M0 so
 * that the symbol sizes report each caller-owned struct's sizeof on the
 * target. Not part of the library.
 */
#include "example_device.h"
#include "liptwitch/liptwitch.h"

char ram_lt_cmd_decoder[sizeof(lt_cmd_decoder)];
char ram_lt_command[sizeof(lt_command)];
char ram_lt_tx[sizeof(lt_tx)];
char ram_lt_frame_encoder[sizeof(lt_frame_encoder)];
char ram_lt_cobs_encoder[sizeof(lt_cobs_encoder)];
char ram_lt_identity[sizeof(lt_identity)];
char ram_lt_status[sizeof(lt_status)];
char ram_lt_samples[sizeof(lt_samples)];
char ram_max_wire_buffer[LT_MAX_WIRE];
char ram_example_device[sizeof(example_device)];
