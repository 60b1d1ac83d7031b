/*
 * pthread.h (browser build) - the few thread calls of the intent classifier, for a
 * WebAssembly module that runs on one thread: a once-flag runs its function once, a key holds
 * one value. Only the browser build sees this header (-Iwasm/include).
 */
#ifndef ENT_WASM_PTHREAD_H
#define ENT_WASM_PTHREAD_H

typedef int pthread_once_t;
typedef unsigned pthread_key_t;
#define PTHREAD_ONCE_INIT 0

static inline int pthread_once(pthread_once_t *once, void (*fn)(void))
{
	if (!*once) {
		*once = 1;
		fn();
	}
	return 0;
}

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);

#endif
