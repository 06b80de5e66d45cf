/*
 * leadoff.c - lead-off from a level pinned at a rail (leadoff.h).
 */
#include "leadoff.h"

void leadoff_init(leadoff *lo, uint16_t needed)
{
    lo->needed = needed > 0u ? needed : 1u;
    lo->run = 0;
    lo->off = 0;
}

uint8_t leadoff_update(leadoff *lo, uint16_t count)
{
    const uint8_t railed =
        (uint8_t)(count <= LEADOFF_RAIL_COUNTS || count >= 1023u - LEADOFF_RAIL_COUNTS);
    if (railed == lo->off) {
        lo->run = 0; /* agrees with the state: nothing builds up */
    } else if (++lo->run >= lo->needed) {
        lo->off = railed;
        lo->run = 0;
    }
    return lo->off;
}
