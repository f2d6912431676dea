// The only translation unit that sees ICU's headers. Keep it small: policy lives in Swift.
#include "CRaterICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

struct RaterWordBreaker {
    UBreakIterator *iterator;
    UText *text;
    int32_t started;
};

RaterWordBreaker *rater_wordbreaker_open(int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    RaterWordBreaker *breaker = calloc(1, sizeof(RaterWordBreaker));
    if (breaker == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    breaker->iterator = ubrk_open(UBRK_WORD, "", NULL, 0, &error);
    if (U_FAILURE(error)) { free(breaker); *status = error; return NULL; }
    *status = 0;
    return breaker;
}

void rater_wordbreaker_close(RaterWordBreaker *breaker) {
    if (breaker == NULL) return;
    if (breaker->text != NULL) utext_close(breaker->text);
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t rater_wordbreaker_set_text(RaterWordBreaker *breaker, const uint8_t *utf8, int64_t length) {
    UErrorCode error = U_ZERO_ERROR;
    // utext_openUTF8 reuses the UText it is given, so one allocation serves every comment.
    breaker->text = utext_openUTF8(breaker->text, (const char *)utf8, length, &error);
    if (U_FAILURE(error)) return error;
    ubrk_setUText(breaker->iterator, breaker->text, &error);
    if (U_FAILURE(error)) return error;
    breaker->started = 0;
    return 0;
}

int32_t rater_wordbreaker_next_batch(RaterWordBreaker *breaker, int64_t *offsets, int32_t *statuses,
                                     int32_t capacity) {
    int32_t count = 0;
    if (!breaker->started) {
        ubrk_first(breaker->iterator);
        breaker->started = 1;
    }
    while (count < capacity) {
        int32_t boundary = ubrk_next(breaker->iterator);
        if (boundary == UBRK_DONE) break;
        // With a UTF-8 UText, ICU's native indexes are UTF-8 byte offsets.
        offsets[count] = boundary;
        statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        count += 1;
    }
    return count;
}

// Converts UTF-8 to a freshly allocated UTF-16 buffer. Returns NULL on failure.
static UChar *utf16_from_utf8(const uint8_t *input, int64_t length, int32_t *utf16_length, UErrorCode *error) {
    if (length > INT32_MAX / 2) { *error = U_BUFFER_OVERFLOW_ERROR; return NULL; }
    int32_t capacity = (int32_t)length + 1;  // UTF-16 never needs more code units than UTF-8 has bytes.
    UChar *buffer = malloc(sizeof(UChar) * (size_t)capacity);
    if (buffer == NULL) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    u_strFromUTF8Lenient(buffer, capacity, utf16_length, (const char *)input, (int32_t)length, error);
    if (U_FAILURE(*error)) { free(buffer); return NULL; }
    return buffer;
}

static int64_t utf8_from_utf16(const UChar *input, int32_t length, uint8_t *output, int64_t capacity,
                               UErrorCode *error) {
    int32_t needed = 0;
    int32_t cap32 = capacity > INT32_MAX ? INT32_MAX : (int32_t)capacity;
    u_strToUTF8((char *)output, output == NULL ? 0 : cap32, &needed, input, length, error);
    if (*error == U_BUFFER_OVERFLOW_ERROR || *error == U_STRING_NOT_TERMINATED_WARNING) *error = U_ZERO_ERROR;
    return needed;
}

int64_t rater_nfkc_utf8(const uint8_t *input, int64_t length, uint8_t *output, int64_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&error);
    if (U_FAILURE(error)) { *status = error; return -2; }
    int32_t utf16_length = 0;
    UChar *source = utf16_from_utf8(input, length, &utf16_length, &error);
    if (source == NULL) { *status = error; return -2; }
    int32_t span = unorm2_spanQuickCheckYes(nfkc, source, utf16_length, &error);
    if (U_SUCCESS(error) && span == utf16_length) { free(source); *status = 0; return -1; }
    error = U_ZERO_ERROR;
    int32_t normalized_capacity = utf16_length * 3 + 16;  // NFKC can expand (e.g. ligatures, ㍿).
    UChar *normalized = malloc(sizeof(UChar) * (size_t)normalized_capacity);
    if (normalized == NULL) { free(source); *status = U_MEMORY_ALLOCATION_ERROR; return -2; }
    int32_t normalized_length = unorm2_normalize(nfkc, source, utf16_length, normalized, normalized_capacity, &error);
    free(source);
    if (U_FAILURE(error)) { free(normalized); *status = error; return -2; }
    int64_t needed = utf8_from_utf16(normalized, normalized_length, output, capacity, &error);
    free(normalized);
    *status = U_FAILURE(error) ? error : 0;
    return U_FAILURE(error) ? -2 : needed;
}

struct RaterTransliterator { UTransliterator *transliterator; };

RaterTransliterator *rater_transliterator_open(const char *identifier, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UChar id16[128];
    u_uastrncpy(id16, identifier, 127);
    id16[127] = 0;
    UTransliterator *transliterator = utrans_openU(id16, -1, UTRANS_FORWARD, NULL, 0, NULL, &error);
    if (U_FAILURE(error)) { *status = error; return NULL; }
    RaterTransliterator *wrapper = malloc(sizeof(RaterTransliterator));
    if (wrapper == NULL) { utrans_close(transliterator); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    wrapper->transliterator = transliterator;
    *status = 0;
    return wrapper;
}

void rater_transliterator_close(RaterTransliterator *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->transliterator);
    free(transliterator);
}

int64_t rater_transliterate_utf8(RaterTransliterator *transliterator, const uint8_t *input, int64_t length,
                                 uint8_t *output, int64_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t utf16_length = 0;
    UChar *source = utf16_from_utf8(input, length, &utf16_length, &error);
    if (source == NULL) { *status = error; return -2; }
    int32_t buffer_capacity = utf16_length * 2 + 16;
    UChar *buffer = realloc(source, sizeof(UChar) * (size_t)buffer_capacity);
    if (buffer == NULL) { free(source); *status = U_MEMORY_ALLOCATION_ERROR; return -2; }
    int32_t text_length = utf16_length;
    int32_t limit = utf16_length;
    utrans_transUChars(transliterator->transliterator, buffer, &text_length, buffer_capacity, 0, &limit, &error);
    if (U_FAILURE(error)) { free(buffer); *status = error; return -2; }
    int64_t needed = utf8_from_utf16(buffer, text_length, output, capacity, &error);
    free(buffer);
    *status = U_FAILURE(error) ? error : 0;
    return U_FAILURE(error) ? -2 : needed;
}

struct RaterConverter {
    UConverter *converter;
    UConverter *utf8;
    UChar pivot[4096];
    UChar *pivot_source;
    UChar *pivot_target;
};

RaterConverter *rater_converter_open(const char *charset, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error)) { *status = error; return NULL; }
    // Stop on invalid or unmappable input: Rater reports the offset instead of inventing U+FFFD.
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
    if (U_FAILURE(error)) { ucnv_close(converter); *status = error; return NULL; }
    UConverter *utf8 = ucnv_open("UTF-8", &error);
    if (U_FAILURE(error)) { ucnv_close(converter); *status = error; return NULL; }
    RaterConverter *wrapper = calloc(1, sizeof(RaterConverter));
    if (wrapper == NULL) {
        ucnv_close(converter);
        ucnv_close(utf8);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    wrapper->converter = converter;
    wrapper->utf8 = utf8;
    wrapper->pivot_source = wrapper->pivot;
    wrapper->pivot_target = wrapper->pivot;
    *status = 0;
    return wrapper;
}

void rater_converter_close(RaterConverter *converter) {
    if (converter == NULL) return;
    ucnv_close(converter->converter);
    ucnv_close(converter->utf8);
    free(converter);
}

int64_t rater_converter_to_utf8(RaterConverter *converter, const uint8_t *input, int64_t length, uint8_t *output,
                                int64_t capacity, int32_t flush, int64_t *consumed, int64_t *error_offset,
                                int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const char *source = (const char *)input;
    const char *source_limit = source + length;
    char *target = (char *)output;
    char *target_limit = target + capacity;
    ucnv_convertEx(converter->utf8, converter->converter, &target, target_limit, &source, source_limit,
                   converter->pivot, &converter->pivot_source, &converter->pivot_target,
                   converter->pivot + 4096, 0, flush != 0, &error);
    *consumed = (int64_t)(source - (const char *)input);
    if (error == U_BUFFER_OVERFLOW_ERROR) error = U_ZERO_ERROR;
    if (error == U_ILLEGAL_CHAR_FOUND || error == U_INVALID_CHAR_FOUND || error == U_TRUNCATED_CHAR_FOUND) {
        char invalid[32];
        int8_t invalid_length = sizeof(invalid);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter->converter, invalid, &invalid_length, &ignored);
        *error_offset = *consumed - invalid_length;
        *status = error;
        return -1;
    }
    *status = U_FAILURE(error) ? error : 0;
    return U_FAILURE(error) ? -2 : (int64_t)(target - (char *)output);
}

const char *rater_icu_version(void) { return U_ICU_VERSION; }
