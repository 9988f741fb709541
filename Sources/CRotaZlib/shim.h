// zlib (zlib1g-dev), for the compliance proof's gzip stream (Sources/RotaProof/GzipStream.swift) and the zip
// entries of the outputs (Sources/RotaOutput/ZipDeflater.swift).
#include <zlib.h>
