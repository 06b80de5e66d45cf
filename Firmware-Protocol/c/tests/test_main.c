/*
 * test_main.c - runs every C test group and prints "N passed, M failed".
 *
 *     test_liptwitch [path/to/vectors.txt [path/to/lt-crosscheck scratch-dir]]
 *
 * With the lt-crosscheck arguments it also checks that tool's stdin/stdout
 * contract on every vector.
 * Exit status 0 only when no check failed.
 */
#include <stdio.h>

#include "check.h"

int main(int argc, char **argv)
{
    const char *vectors = (argc > 1) ? argv[1] : "../vectors/vectors.txt";
    test_crc_cobs();
    test_encoders();
    test_decoder();
    test_example();
    test_vectors(vectors);
    if (argc > 3) {
        test_crosscheck(vectors, argv[2], argv[3]);
    }
    printf("%lu passed, %lu failed\n", checks_passed, checks_failed);
    return checks_failed == 0u ? 0 : 1;
}
