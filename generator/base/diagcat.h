/* diagcat.h -- the catalogue of reportgen's messages, as mandoc has one.
 *
 * Every message reportgen prints is one of these: an id (printed at the end
 * of the message, in brackets) and a severity, which decides the message's
 * label and what it does to the exit status (diag.h).  docs/diagnostics.md
 * says what each means; tests/e2e/diagnostics.sh checks that the two list
 * the same ids with the same severities, and that every id is used.
 *
 * X(ENUM, SEVERITY, "id")
 */
#ifndef RG_DIAGCAT_H
#define RG_DIAGCAT_H

#define RG_DIAGNOSTICS(X) \
	/* reading files */ \
	X(RG_M_FILE_UNREADABLE, RG_ERROR, "file-unreadable") \
	X(RG_M_FILE_TOO_LARGE, RG_ERROR, "file-too-large") \
	X(RG_M_FILE_EMPTY, RG_ERROR, "file-empty") \
	X(RG_M_FILE_KIND, RG_ERROR, "file-kind") \
	X(RG_M_FILE_REPEATED, RG_ERROR, "file-repeated") \
	X(RG_M_READ_FAILED, RG_FAILURE, "read-failed") \
	X(RG_M_ENCODING, RG_ERROR, "encoding") \
	X(RG_M_ENCODING_FAILED, RG_FAILURE, "encoding-failed") \
	X(RG_M_PARSER_FAILED, RG_FAILURE, "parser-failed") \
	X(RG_M_LIMIT, RG_ERROR, "limit") \
	X(RG_M_TOO_MANY_ERRORS, RG_NOTE, "too-many-errors") \
	/* syntax */ \
	X(RG_M_YAML_SYNTAX, RG_ERROR, "yaml-syntax") \
	X(RG_M_YAML_ANCHOR, RG_ERROR, "yaml-anchor") \
	X(RG_M_YAML_DOCUMENTS, RG_ERROR, "yaml-documents") \
	X(RG_M_XML_INVALID, RG_ERROR, "xml-invalid") \
	X(RG_M_XML_WARNING, RG_WARNING, "xml-warning") \
	X(RG_M_XML_DOCTYPE, RG_ERROR, "xml-doctype") \
	X(RG_M_CSV_SYNTAX, RG_ERROR, "csv-syntax") \
	X(RG_M_CSV_ROW, RG_ERROR, "csv-row") \
	X(RG_M_CSV_HEADER, RG_ERROR, "csv-header") \
	X(RG_M_CSV_MAPPING, RG_ERROR, "csv-mapping") \
	/* data fields */ \
	X(RG_M_FORMAT, RG_ERROR, "format") \
	X(RG_M_FIELD_UNKNOWN, RG_ERROR, "field-unknown") \
	X(RG_M_FIELD_TYPE, RG_ERROR, "field-type") \
	X(RG_M_FIELD_EMPTY, RG_ERROR, "field-empty") \
	X(RG_M_FIELD_CHARACTER, RG_ERROR, "field-character") \
	X(RG_M_FIELD_SPACE, RG_ERROR, "field-space") \
	X(RG_M_FIELD_DUPLICATE, RG_ERROR, "field-duplicate") \
	X(RG_M_FIELD_MISSING, RG_ERROR, "field-missing") \
	X(RG_M_FIELD_VALUE, RG_ERROR, "field-value") \
	X(RG_M_ID_INVALID, RG_ERROR, "id-invalid") \
	X(RG_M_NUMBER_INVALID, RG_ERROR, "number-invalid") \
	X(RG_M_DATE_INVALID, RG_ERROR, "date-invalid") \
	X(RG_M_OBSERVATION_EMPTY, RG_ERROR, "observation-empty") \
	X(RG_M_OBSERVATION_INCOMPLETE, RG_ERROR, "observation-incomplete") \
	X(RG_M_OBSERVATION_DUPLICATE, RG_ERROR, "observation-duplicate") \
	X(RG_M_DEFINITION_CONFLICT, RG_ERROR, "definition-conflict") \
	X(RG_M_UNIT_MISMATCH, RG_ERROR, "unit-mismatch") \
	X(RG_M_UNKNOWN_REFERENCE, RG_ERROR, "unknown-reference") \
	X(RG_M_DATA_MISSING, RG_ERROR, "data-missing") \
	/* templates */ \
	X(RG_M_FRONT_MATTER, RG_ERROR, "front-matter") \
	X(RG_M_KEY_UNKNOWN, RG_ERROR, "key-unknown") \
	X(RG_M_KEY_SHAPE, RG_ERROR, "key-shape") \
	X(RG_M_KEY_DUPLICATE, RG_ERROR, "key-duplicate") \
	X(RG_M_KEY_VALUE, RG_ERROR, "key-value") \
	X(RG_M_OPTION_VALUE, RG_ERROR, "option-value") \
	X(RG_M_PLACEHOLDER, RG_ERROR, "placeholder") \
	X(RG_M_PERIOD_RELATIVE, RG_ERROR, "period-relative") \
	X(RG_M_COMPUTATION, RG_ERROR, "computation") \
	X(RG_M_CONDITION, RG_ERROR, "condition") \
	X(RG_M_BLOCK_MARKER, RG_ERROR, "block-marker") \
	X(RG_M_DIRECTIVE_INCOMPLETE, RG_ERROR, "directive-incomplete") \
	X(RG_M_TABLE_ROW, RG_ERROR, "table-row") \
	X(RG_M_MIXED_UNITS, RG_ERROR, "mixed-units") \
	X(RG_M_CHART_EMPTY, RG_ERROR, "chart-empty") \
	X(RG_M_CHART_NOT_NUMBER, RG_WARNING, "chart-not-number") \
	X(RG_M_CHART_SERIES, RG_WARNING, "chart-series") \
	X(RG_M_CHART_LABELS, RG_WARNING, "chart-labels") \
	X(RG_M_IMAGE, RG_ERROR, "image") \
	X(RG_M_IMAGE_PATH, RG_ERROR, "image-path") \
	X(RG_M_SCALE_UNIT, RG_WARNING, "scale-unit") \
	X(RG_M_VALUE_AS_TEXT, RG_WARNING, "value-as-text") \
	X(RG_M_NO_OBSERVATIONS, RG_WARNING, "no-observations") \
	X(RG_M_GROWTH_MISMATCH, RG_WARNING, "growth-mismatch") \
	X(RG_M_MARKDOWN_IGNORED, RG_WARNING, "markdown-ignored") \
	X(RG_M_GONGWEN_VALUE, RG_ERROR, "gongwen-value") \
	X(RG_M_TEMPLATE_HAS_ERRORS, RG_NOTE, "template-has-errors") \
	/* themes */ \
	X(RG_M_THEME_VALUE, RG_ERROR, "theme-value") \
	X(RG_M_THEME_RANGE, RG_ERROR, "theme-range") \
	X(RG_M_THEME_NOT_THEME, RG_ERROR, "theme-not-theme") \
	X(RG_M_THEME_NAME, RG_ERROR, "theme-name") \
	X(RG_M_THEME_HAS_ERRORS, RG_NOTE, "theme-has-errors") \
	/* fonts */ \
	X(RG_M_FONTCONF, RG_ERROR, "fontconf") \
	X(RG_M_FONT_UNUSABLE, RG_ERROR, "font-unusable") \
	X(RG_M_FONT_MISSING, RG_FAILURE, "font-missing") \
	X(RG_M_FONT_EMBED_FAILED, RG_FAILURE, "font-embed-failed") \
	X(RG_M_GLYPH_FALLBACK, RG_WARNING, "glyph-fallback") \
	X(RG_M_GLYPH_MISSING, RG_ERROR, "glyph-missing") \
	X(RG_M_GLYPH_DROPPED, RG_WARNING, "glyph-dropped") \
	X(RG_M_OPENCC_FAILED, RG_FAILURE, "opencc-failed") \
	/* layout */ \
	X(RG_M_TABLE_TOO_WIDE, RG_ERROR, "table-too-wide") \
	X(RG_M_TYPESETTING_CHECK, RG_FAILURE, "typesetting-check") \
	/* output */ \
	X(RG_M_OUTPUT_REFUSED, RG_ERROR, "output-refused") \
	X(RG_M_DEPFILE_NAME, RG_ERROR, "depfile-name") \
	X(RG_M_WRITE_FAILED, RG_FAILURE, "write-failed") \
	X(RG_M_PDF_FAILED, RG_FAILURE, "pdf-failed") \
	X(RG_M_ICC_PROFILE_MISSING, RG_FAILURE, "icc-profile-missing") \
	/* batch */ \
	X(RG_M_MANIFEST_INVALID, RG_ERROR, "manifest-invalid") \
	X(RG_M_MANIFEST_PATTERN, RG_FAILURE, "manifest-pattern") \
	X(RG_M_JOB_FAILED, RG_FAILURE, "job-failed") \
	X(RG_M_JOB_SUMMARY, RG_NOTE, "job-summary") \
	X(RG_M_WORKER_FAILED, RG_FAILURE, "worker-failed") \
	/* the command line */ \
	X(RG_M_USAGE, RG_ERROR, "usage") \
	X(RG_M_WATCH_FAILED, RG_FAILURE, "watch-failed") \
	X(RG_M_WATCH_UNAVAILABLE, RG_WARNING, "watch-unavailable") \
	X(RG_M_OUT_OF_MEMORY, RG_FAILURE, "out-of-memory")

#endif
