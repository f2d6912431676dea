// OpenSSL's libcrypto, for the SHA-256 of inputs and lexicons in run manifests (Debian: libssl-dev).
#include <openssl/evp.h>
