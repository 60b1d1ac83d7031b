/* export.h - marks the symbols of the public API (the build hides everything else). */
#ifndef ENT_CORE_EXPORT_H
#define ENT_CORE_EXPORT_H
#define ENT_EXPORT __attribute__((visibility("default")))
#endif
