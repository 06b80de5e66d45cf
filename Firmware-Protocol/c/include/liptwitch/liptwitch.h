/*
 * liptwitch/liptwitch.h - the whole firmware-side LipTwitch protocol library.
 *
 *   protocol.h         constants of the wire protocol (sizes, types, codes)
 *   crc32c.h           CRC-32C, nibble table
 *   cobs.h             canonical COBS encoder (streaming, one-shot) and decoder
 *   frame_encoder.h    one frame: header + payload + CRC, COBS, delimiter
 *   device_messages.h  IDENTITY, SAMPLES, STATUS, MARKER, ACK, ERROR, PONG encoders
 *   tx.h               the device's sequence counter around those encoders
 *   command_decoder.h  streaming receiver of host commands
 *
 * Portable C99: no malloc, no stdio, no global mutable state; every buffer is
 * the caller's or a fixed array inside a struct the caller owns.
 */
#ifndef LIPTWITCH_LIPTWITCH_H
#define LIPTWITCH_LIPTWITCH_H

#include "liptwitch/protocol.h"
#include "liptwitch/crc32c.h"
#include "liptwitch/cobs.h"
#include "liptwitch/frame_encoder.h"
#include "liptwitch/device_messages.h"
#include "liptwitch/tx.h"
#include "liptwitch/command_decoder.h"

#endif /* LIPTWITCH_LIPTWITCH_H */
