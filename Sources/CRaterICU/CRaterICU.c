// The only translation unit that sees ICU's headers. Keep it small: policy lives in Swift.
#include "CRaterICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uset.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

// The word breaker works on UTF-16, ICU's own form, and reports UTF-8 byte offsets. With a UTF-8 UText, ICU's
// dictionary engine copies every run of Han text into a UnicodeString and builds a map of native indexes before
// it can segment it (CjkBreakEngine::divideUpDictionaryRange); over UTF-16 it reads the text in place. Converting
// each comment once and mapping the boundaries back costs less than that copy: about a fifth of ICU's time on
// Chinese text.
struct RaterWordBreaker {
    UBreakIterator *iterator;
    UText *text;
    int32_t started;
    // The comment in UTF-16, reused from comment to comment (grown, never shrunk).
    UChar *units;
    int32_t capacity;
    int32_t length;
    // Boundaries come in ascending order, so UTF-16 indexes are mapped to UTF-8 offsets by walking forward from the
    // last boundary: `unit_cursor` code units are `byte_cursor` bytes of UTF-8.
    int32_t unit_cursor;
    int64_t byte_cursor;
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
    free(breaker->units);
    free(breaker);
}

int32_t rater_wordbreaker_set_text(RaterWordBreaker *breaker, const uint8_t *utf8, int64_t length) {
    UErrorCode error = U_ZERO_ERROR;
    // UTF-16 never needs more code units than UTF-8 has bytes.
    if (length >= INT32_MAX / 2) return U_BUFFER_OVERFLOW_ERROR;
    if (length + 1 > breaker->capacity) {
        int32_t capacity = (int32_t)length + 1;
        if (capacity < 1024) capacity = 1024;
        UChar *units = realloc(breaker->units, sizeof(UChar) * (size_t)capacity);
        if (units == NULL) return U_MEMORY_ALLOCATION_ERROR;
        breaker->units = units;
        breaker->capacity = capacity;
    }
    // Strict conversion: the text comes from a Swift String, so it is valid UTF-8, and an error here is a bug to
    // report rather than text to repair (a repaired text would no longer match the byte offsets).
    u_strFromUTF8(breaker->units, breaker->capacity, &breaker->length, (const char *)utf8, (int32_t)length, &error);
    if (U_FAILURE(error)) return error;
    // utext_openUChars reuses the UText it is given, so one allocation serves every comment.
    breaker->text = utext_openUChars(breaker->text, breaker->units, breaker->length, &error);
    if (U_FAILURE(error)) return error;
    ubrk_setUText(breaker->iterator, breaker->text, &error);
    if (U_FAILURE(error)) return error;
    breaker->started = 0;
    breaker->unit_cursor = 0;
    breaker->byte_cursor = 0;
    return 0;
}

// The UTF-8 offset of UTF-16 index `boundary`, at or after the last one asked for.
static int64_t utf8_offset(RaterWordBreaker *breaker, int32_t boundary) {
    const UChar *units = breaker->units;
    int32_t unit = breaker->unit_cursor;
    int64_t byte = breaker->byte_cursor;
    while (unit < boundary) {
        UChar u = units[unit];
        if (u < 0x80) {
            byte += 1;
            unit += 1;
        } else if (u < 0x800) {
            byte += 2;
            unit += 1;
        } else if (U16_IS_LEAD(u) && unit + 1 < breaker->length && U16_IS_TRAIL(units[unit + 1])) {
            byte += 4;
            unit += 2;
        } else {
            byte += 3;
            unit += 1;
        }
    }
    breaker->unit_cursor = unit;
    breaker->byte_cursor = byte;
    return byte;
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
        offsets[count] = utf8_offset(breaker, boundary);
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
    // NFKC can expand (ligatures, ㍿; U+FDFA, one unit, becomes 18): the first guess covers nearly every comment, and
    // when it is short ICU says how long the result is, and it is normalised again into a buffer of that size.
    int32_t normalized_capacity = utf16_length > (INT32_MAX - 16) / 3 ? INT32_MAX : utf16_length * 3 + 16;
    UChar *normalized = NULL;
    int32_t normalized_length = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        UChar *grown = realloc(normalized, sizeof(UChar) * (size_t)normalized_capacity);
        if (grown == NULL) { free(normalized); free(source); *status = U_MEMORY_ALLOCATION_ERROR; return -2; }
        normalized = grown;
        error = U_ZERO_ERROR;
        normalized_length = unorm2_normalize(nfkc, source, utf16_length, normalized, normalized_capacity, &error);
        if (error != U_BUFFER_OVERFLOW_ERROR) break;
        normalized_capacity = normalized_length;
    }
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

int32_t rater_transliterator_source_characters(RaterTransliterator *transliterator, uint32_t first, uint32_t last,
                                               uint32_t *output, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    USet *set = uset_openEmpty();
    if (set == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; return -1; }
    utrans_getSourceSet(transliterator->transliterator, false, set, &error);
    if (U_FAILURE(error)) { uset_close(set); *status = error; return -1; }
    int32_t count = 0;
    int32_t items = uset_getItemCount(set);
    for (int32_t item = 0; item < items; item++) {
        UErrorCode itemError = U_ZERO_ERROR;
        UChar32 start = 0, end = -1;
        // Items are ranges of code points, then strings (length > 0), which hold no single code point to list.
        if (uset_getItem(set, item, &start, &end, NULL, 0, &itemError) != 0 || end < start) continue;
        // Only the part of the range inside first…last.
        uint32_t from = (uint32_t)start > first ? (uint32_t)start : first;
        uint32_t to = (uint32_t)end < last ? (uint32_t)end : last;
        for (uint32_t c = from; c <= to; c++) {
            if (output != NULL && count < capacity) output[count] = c;
            count++;
        }
    }
    uset_close(set);
    *status = 0;
    return count;
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
    // A lead surrogate held back so a pair split across calls is converted whole.
    UChar pending;
    int32_t has_pending;
};

RaterConverter *rater_converter_open(const char *charset, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error)) { *status = error; return NULL; }
    // Stop on invalid or unmappable input: Rater reports the offset instead of inventing U+FFFD.
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
    if (U_FAILURE(error)) { ucnv_close(converter); *status = error; return NULL; }
    RaterConverter *wrapper = calloc(1, sizeof(RaterConverter));
    if (wrapper == NULL) {
        ucnv_close(converter);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    wrapper->converter = converter;
    *status = 0;
    return wrapper;
}

void rater_converter_close(RaterConverter *converter) {
    if (converter == NULL) return;
    ucnv_close(converter->converter);
    free(converter);
}

const char *rater_converter_name(RaterConverter *converter) {
    UErrorCode error = U_ZERO_ERROR;
    const char *name = ucnv_getName(converter->converter, &error);
    return U_FAILURE(error) || name == NULL ? "" : name;
}

#define RATER_CONVERT_UNITS 8192

int64_t rater_converter_to_utf8(RaterConverter *converter, const uint8_t *input, int64_t length, uint8_t *output,
                                int64_t capacity, int32_t flush, int64_t *consumed, int32_t *invalid_length,
                                int32_t *status) {
    // Two steps instead of ucnv_convertEx: after a STOP callback convertEx may leave converted text in its pivot,
    // whereas toUnicode + u_strToUTF8 make "everything before the bad bytes was written" easy to guarantee.
    // Each UTF-16 unit becomes at most 3 UTF-8 bytes (a surrogate pair, 2 units, becomes 4).
    UChar units[RATER_CONVERT_UNITS];
    int64_t unit_limit = capacity / 3;
    if (unit_limit > RATER_CONVERT_UNITS) unit_limit = RATER_CONVERT_UNITS;
    if (unit_limit < 2) { *status = U_BUFFER_OVERFLOW_ERROR; return -2; }
    UChar *target = units;
    if (converter->has_pending) {
        *target++ = converter->pending;
        converter->has_pending = 0;
    }
    const char *source = (const char *)input;
    UErrorCode error = U_ZERO_ERROR;
    ucnv_toUnicode(converter->converter, &target, units + unit_limit, &source, source + length, NULL,
                   flush != 0, &error);
    *consumed = (int64_t)(source - (const char *)input);
    *invalid_length = 0;
    if (error == U_BUFFER_OVERFLOW_ERROR) {
        error = U_ZERO_ERROR;
    } else if (error == U_ILLEGAL_CHAR_FOUND || error == U_INVALID_CHAR_FOUND || error == U_TRUNCATED_CHAR_FOUND) {
        char invalid[32];
        int8_t count = sizeof(invalid);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter->converter, invalid, &count, &ignored);
        *invalid_length = count > 0 ? count : 1;
        error = U_ZERO_ERROR;
    } else if (U_FAILURE(error)) {
        *status = error;
        return -2;
    }
    int32_t unit_count = (int32_t)(target - units);
    if (unit_count > 0 && U16_IS_LEAD(units[unit_count - 1]) && !flush) {
        converter->pending = units[--unit_count];
        converter->has_pending = 1;
    }
    int32_t written = 0;
    error = U_ZERO_ERROR;
    u_strToUTF8WithSub((char *)output, (int32_t)capacity, &written, units, unit_count, 0xFFFD, NULL, &error);
    if (U_FAILURE(error)) { *status = error; return -2; }
    *status = 0;
    return written;
}

int32_t rater_detect_charsets(const uint8_t *bytes, int64_t length, char names[][32], int32_t *confidences,
                              int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    ucsdet_setText(detector, (const char *)bytes, (int32_t)(length > INT32_MAX ? INT32_MAX : length), &error);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &error);
    int32_t written = 0;
    for (int32_t index = 0; U_SUCCESS(error) && index < found && written < capacity; index++) {
        const char *name = ucsdet_getName(matches[index], &error);
        int32_t confidence = ucsdet_getConfidence(matches[index], &error);
        if (U_FAILURE(error) || name == NULL) break;
        strncpy(names[written], name, 31);
        names[written][31] = 0;
        confidences[written] = confidence;
        written++;
    }
    ucsdet_close(detector);
    *status = U_FAILURE(error) ? error : 0;
    return written;
}

int32_t rater_is_extended_pictographic(uint32_t code_point) {
    return u_hasBinaryProperty((UChar32)code_point, UCHAR_EXTENDED_PICTOGRAPHIC) ? 1 : 0;
}

const char *rater_icu_version(void) { return U_ICU_VERSION; }
