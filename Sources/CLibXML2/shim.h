#ifndef RATER_CLIBXML2_SHIM_H
#define RATER_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its headers would pull <unicode/ucnv.h> into Swift, which clashes with
// Foundation's private ICU. Turning the flag off after xmlversion.h keeps ICU out of the headers Swift sees.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer, which Swift 6 strict concurrency rejects; wrap it.
static inline void rater_xml_free(void *pointer) { xmlFree(pointer); }
#endif
