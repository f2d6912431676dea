#ifndef RATER_CRATERICU_H
#define RATER_CRATERICU_H
// A deliberately small C facade over ICU. Swift cannot import ICU's own headers next to Foundation (its private
// ICU copy defines the same enums), so this header uses only <stdint.h> types and opaque handles, and the .c file
// is the only place that includes <unicode/...>. Every function reports ICU failures as a negative return value or
// through an int32_t status (0 = success, the ICU UErrorCode otherwise).
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: Word break of UTF-8 text (ICU runs on a reused UTF-16 copy; boundaries are UTF-8 byte offsets).
// A break iterator is not thread-safe: use one per thread or task.
typedef struct RaterWordBreaker RaterWordBreaker;

/// Opens a word break iterator for the root locale (dictionary-based for Han, rule-based for Latin).
RaterWordBreaker *_Nullable rater_wordbreaker_open(int32_t *_Nonnull status);
void rater_wordbreaker_close(RaterWordBreaker *_Nullable breaker);
/// Points the iterator at `length` bytes of valid UTF-8, copied as UTF-16 into the breaker's own buffer.
int32_t rater_wordbreaker_set_text(RaterWordBreaker *_Nonnull breaker, const uint8_t *_Nonnull utf8, int64_t length);
/// Fills `offsets` with the next boundaries (end offsets of segments) and `statuses` with their rule status
/// (0 = not a word: space, punctuation, emoji; 100.. numbers; 200.. letters; 300.. kana; 400.. ideographs).
/// Returns how many were written; 0 when the text is exhausted.
int32_t rater_wordbreaker_next_batch(RaterWordBreaker *_Nonnull breaker, int64_t *_Nonnull offsets,
                                     int32_t *_Nonnull statuses, int32_t capacity);

// MARK: Normalization and transliteration (UTF-8 in, UTF-8 out).

/// NFKC-normalizes `length` bytes of UTF-8 into `output`. Returns the number of bytes the result needs; when
/// that exceeds `capacity`, nothing useful was written and the caller retries with a larger buffer.
/// Returns -1 when the input is already NFKC (the caller keeps its input) and -2 on an ICU failure.
int64_t rater_nfkc_utf8(const uint8_t *_Nonnull input, int64_t length, uint8_t *_Nullable output, int64_t capacity,
                        int32_t *_Nonnull status);

typedef struct RaterTransliterator RaterTransliterator;
/// Opens an ICU transliterator by id, e.g. "Traditional-Simplified".
RaterTransliterator *_Nullable rater_transliterator_open(const char *_Nonnull identifier, int32_t *_Nonnull status);
void rater_transliterator_close(RaterTransliterator *_Nullable transliterator);
/// Writes to `output` (up to `capacity`) the code points in `first`…`last` that the transliterator may change: its
/// source set, the characters its rules replace (ICU calls the set approximate). Returns how many there are, or -1 on
/// an ICU failure.
int32_t rater_transliterator_source_characters(RaterTransliterator *_Nonnull transliterator, uint32_t first,
                                               uint32_t last, uint32_t *_Nullable output, int32_t capacity,
                                               int32_t *_Nonnull status);
/// Transliterates UTF-8; same return convention as rater_nfkc_utf8 but -1 is never returned.
int64_t rater_transliterate_utf8(RaterTransliterator *_Nonnull transliterator, const uint8_t *_Nonnull input,
                                 int64_t length, uint8_t *_Nullable output, int64_t capacity,
                                 int32_t *_Nonnull status);

// MARK: Charset conversion.
typedef struct RaterConverter RaterConverter;
/// Opens a converter from the named charset to UTF-8 that stops on invalid input instead of substituting.
RaterConverter *_Nullable rater_converter_open(const char *_Nonnull charset, int32_t *_Nonnull status);
void rater_converter_close(RaterConverter *_Nullable converter);
/// The converter's canonical ICU name, e.g. "GB18030".
const char *_Nonnull rater_converter_name(RaterConverter *_Nonnull converter);
/// Converts a chunk of bytes in the converter's charset to UTF-8 and returns the bytes written to `output`
/// (`capacity` must be at least 6), or -2 on an ICU failure. `*consumed` is how much of `input` was used; the rest
/// must be passed again. When an invalid or unmappable sequence was met, conversion stops right after it and
/// `*invalid_length` is its length (0 otherwise), so its offset is `*consumed - *invalid_length`: everything
/// before it has been written. `flush` is 1 for the last chunk. One converter serves one stream (it keeps state).
int64_t rater_converter_to_utf8(RaterConverter *_Nonnull converter, const uint8_t *_Nonnull input, int64_t length,
                                uint8_t *_Nonnull output, int64_t capacity, int32_t flush,
                                int64_t *_Nonnull consumed, int32_t *_Nonnull invalid_length,
                                int32_t *_Nonnull status);

/// Runs ICU's statistical charset detector over `bytes`. Writes up to `capacity` charset names (best first) and
/// their confidences (0-100); returns how many.
int32_t rater_detect_charsets(const uint8_t *_Nonnull bytes, int64_t length, char names[_Nonnull][32],
                              int32_t *_Nonnull confidences, int32_t capacity, int32_t *_Nonnull status);

/// 1 when the code point has Unicode's Extended_Pictographic property (the emoji that ZWJ sequences join), else 0.
int32_t rater_is_extended_pictographic(uint32_t code_point);

/// The ICU version string, e.g. "72.1", for run manifests.
const char *_Nonnull rater_icu_version(void);

#ifdef __cplusplus
}
#endif
#endif
