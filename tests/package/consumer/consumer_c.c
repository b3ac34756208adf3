/* The C API as a C program (or an FFI binding) uses it.
 *   consumer_c MACHINE_FOLDER EXPECTED_JSON
 * EXPECTED_JSON is what `ccmlog analyze --format json MACHINE_FOLDER` prints
 * (the CLI's golden file); ccmlog_analyze_json must return exactly that. */
#include <ccmlog/ccmlog_c.h>
#include <ccmlog/version.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

static void check(int ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "FAILED: %s\n", what);
    ++failures;
  }
}

static int contains(const char* text, const char* part) { return text != NULL && strstr(text, part) != NULL; }

/* The whole file, NUL-terminated; NULL when it cannot be read. */
static char* readAll(const char* path) {
  FILE* f = fopen(path, "rb");
  char* text = NULL;
  size_t size = 0;
  char block[4096];
  size_t n;
  if (f == NULL) return NULL;
  while ((n = fread(block, 1, sizeof block, f)) > 0) {
    char* grown = realloc(text, size + n + 1);
    if (grown == NULL) break;
    text = grown;
    memcpy(text + size, block, n);
    size += n;
  }
  fclose(f);
  if (text == NULL)
    text = calloc(1, 1);
  else
    text[size] = '\0';
  return text;
}

int main(int argc, char** argv) {
  const char* paths[1];
  const char* noLogs[1] = {"testdata/machines"}; /* only folders in it */
  const char* missing[1] = {"no/such.log"};
  const char* missingAndMachine[2] = {"no/such.log", NULL};
  static char sentinel[] = "not reset";
  char* error = sentinel;
  char* json;
  char* expected;
  char* info;

  if (argc != 3) {
    fprintf(stderr, "usage: consumer_c MACHINE_FOLDER EXPECTED_JSON\n");
    return 2;
  }
  paths[0] = argv[1];

  json = ccmlog_analyze_json(paths, 1, &error);
  check(json != NULL && error == NULL, "analyze succeeds and clears *error");
  check(contains(json, "\"service-context-source-access\""), "the JSON names the headline rule");
  expected = readAll(argv[2]);
  check(expected != NULL, "the expected JSON can be read");
  check(json != NULL && expected != NULL && strcmp(json, expected) == 0,
        "the JSON is what 'ccmlog analyze --format json' prints");
  free(expected);
  ccmlog_free(json);

  json = ccmlog_analyze_json(noLogs, 1, &error);
  check(json == NULL && contains(error, "no .log or .lo_ files in folder"),
        "nothing to analyze: NULL and a message");
  if (error != NULL) printf("expected error: %s\n", error);
  ccmlog_free(error);
  json = ccmlog_analyze_json(missing, 1, &error);
  check(json == NULL && contains(error, "cannot open 'no/such.log'"),
        "no readable file: NULL and a message naming it");
  ccmlog_free(error);
  missingAndMachine[1] = argv[1];
  json = ccmlog_analyze_json(missingAndMachine, 2, &error);
  check(contains(json, "\"error\": \"cannot open 'no/such.log'") && error == NULL,
        "an unreadable file beside a readable one is reported in the JSON, not as a failure");
  ccmlog_free(json);
  check(ccmlog_analyze_json(NULL, 1, NULL) == NULL, "NULL paths, NULL error: no crash");
  check(ccmlog_analyze_json(paths, 0, &error) == NULL && error != NULL, "no paths is an error");
  ccmlog_free(error);

  info = ccmlog_lookup_json("0x80070005");
  check(contains(info, "\"name\": \"ERROR_ACCESS_DENIED\"") && contains(info, "\"win32\": 5"),
        "lookup of a code");
  if (info != NULL) printf("%s\n", info);
  ccmlog_free(info);
  info = ccmlog_lookup_json("0xC0000005");
  check(contains(info, "\"name\": \"STATUS_ACCESS_VIOLATION\"") && contains(info, "\"family\": \"ntstatus\""),
        "lookup of a code without a text names it");
  ccmlog_free(info);
  info = ccmlog_lookup_json("error_access_denied");
  check(contains(info, "\"code\": \"0x80070005\"") && contains(info, "\"facility_name\": \"FACILITY_WIN32\""),
        "lookup by name");
  ccmlog_free(info);
  info = ccmlog_lookup_json("banana");
  check(contains(info, "\"error\": \"not an error code: 'banana'") && !contains(info, "\"code\""),
        "lookup of a non-code gives an error object");
  ccmlog_free(info);
  check(ccmlog_lookup_json(NULL) == NULL, "lookup of NULL is NULL");
  ccmlog_free(NULL);

  check(strcmp(ccmlog_version(), CCMLOG_VERSION_STRING) == 0, "headers and library agree");
  printf("ccmlog %s (headers %d.%d.%d)\n", ccmlog_version(), CCMLOG_VERSION_MAJOR, CCMLOG_VERSION_MINOR,
         CCMLOG_VERSION_PATCH);
  if (failures == 0) printf("consumer_c: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
