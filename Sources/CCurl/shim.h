#include <curl/curl.h>
// curl_easy_setopt / curl_easy_getinfo are variadic: Swift cannot call them, so typed wrappers.
typedef size_t (*segmint_curl_write_fn)(char *, size_t, size_t, void *);
static inline CURLcode segmint_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode segmint_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode segmint_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode segmint_curl_setopt_write_function(CURL *h, CURLoption o, segmint_curl_write_fn f) { return curl_easy_setopt(h, o, f); }
static inline CURLcode segmint_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode segmint_curl_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
// Header callbacks have the same C signature as write callbacks (CURLOPT_HEADERFUNCTION).
static inline CURLcode segmint_curl_setopt_header_function(CURL *h, segmint_curl_write_fn f) { return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f); }
static inline CURLcode segmint_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *l) { return curl_easy_setopt(h, o, l); }
// Progress callback (CURLOPT_XFERINFOFUNCTION); returning non-zero aborts the transfer.
typedef int (*segmint_curl_xferinfo_fn)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
static inline CURLcode segmint_curl_setopt_xferinfo_function(CURL *h, segmint_curl_xferinfo_fn f) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, f); }
