// zlib (zlib1g-dev), for the compliance proof's gzip stream (Sources/RotaProof/GzipStream.swift).
#include <zlib.h>
