/*===- fma_probe.c - peak fp32 FMA throughput of this machine -------------===*
 *
 * Measures the fp32 peak of the CPUs this process may run on: THREADS threads
 * each run independent chains of vector fused multiply-adds on registers (no
 * memory traffic) for about SECONDS seconds; the best of several trials is
 * printed as one JSON line:
 *
 *   {"threads": 2, "vector_bits": 512, "gflops": 331.2, "gflops_per_thread": 165.6}
 *
 * Build and run (utils/bench/run.py does it, pinned with taskset like the
 * benchmarks):
 *
 *   clang-22 -O3 -march=native -pthread utils/bench/fma_probe.c -o fma_probe
 *   taskset -c 0,1 ./fma_probe 2 0.3
 *
 *===----------------------------------------------------------------------===*/

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#if defined(__AVX512F__)
#define VBYTES 64
#elif defined(__AVX__)
#define VBYTES 32
#else
#define VBYTES 16
#endif
#define LANES (VBYTES / 4)
/* Enough independent chains to cover FMA latency x FMA ports (4 x 2 on current
 * x86 cores), and few enough to stay in the vector registers. */
#define CHAINS 16
#define INNER 1024

typedef float vec __attribute__((vector_size(VBYTES)));

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct {
  pthread_barrier_t *barrier;
  double seconds;
  uint64_t iterations; /* out: outer iterations done */
  double elapsed;      /* out */
  float sink;          /* out: keeps the result alive */
} job;

static void *work(void *arg) {
  job *j = (job *)arg;
  vec acc[CHAINS];
  vec a, b;
  for (int l = 0; l < LANES; ++l) {
    a[l] = 0.999999f;
    b[l] = 1e-7f;
  }
  for (int c = 0; c < CHAINS; ++c)
    for (int l = 0; l < LANES; ++l)
      acc[c][l] = (float)(c + l);
  pthread_barrier_wait(j->barrier);
  double start = now_s();
  uint64_t iters = 0;
  double elapsed;
  do {
    for (int i = 0; i < INNER; ++i) {
#pragma clang loop unroll(full)
      for (int c = 0; c < CHAINS; ++c)
        acc[c] = __builtin_elementwise_fma(acc[c], a, b);
      /* An empty asm with the accumulators as operands keeps every chain in a
       * register and stops the compiler from folding iterations together. */
#pragma clang loop unroll(full)
      for (int c = 0; c < CHAINS; ++c)
        __asm__ volatile("" : "+v"(acc[c]));
    }
    ++iters;
    elapsed = now_s() - start;
  } while (elapsed < j->seconds);
  float s = 0;
  for (int c = 0; c < CHAINS; ++c)
    for (int l = 0; l < LANES; ++l)
      s += acc[c][l];
  j->sink = s;
  j->iterations = iters;
  j->elapsed = elapsed;
  return NULL;
}

static double trial(int threads, double seconds) {
  pthread_t tids[256];
  job jobs[256];
  pthread_barrier_t barrier;
  pthread_barrier_init(&barrier, NULL, (unsigned)threads);
  for (int t = 0; t < threads; ++t) {
    jobs[t] = (job){&barrier, seconds, 0, 0, 0};
    pthread_create(&tids[t], NULL, work, &jobs[t]);
  }
  double flops = 0, slowest = 0;
  for (int t = 0; t < threads; ++t) {
    pthread_join(tids[t], NULL);
    flops += (double)jobs[t].iterations * INNER * CHAINS * LANES * 2.0;
    if (jobs[t].elapsed > slowest)
      slowest = jobs[t].elapsed;
  }
  pthread_barrier_destroy(&barrier);
  return flops / slowest / 1e9;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  double seconds = argc > 2 ? atof(argv[2]) : 0.3;
  if (threads < 1 || threads > 256 || !(seconds > 0)) {
    fprintf(stderr, "usage: fma_probe [THREADS (1-256)] [SECONDS per trial]\n");
    return 2;
  }
  double best = 0;
  for (int i = 0; i < 5; ++i) {
    double g = trial(threads, seconds);
    if (g > best)
      best = g;
  }
  printf("{\"threads\": %d, \"vector_bits\": %d, \"gflops\": %.2f, "
         "\"gflops_per_thread\": %.2f}\n",
         threads, VBYTES * 8, best, best / threads);
  return 0;
}
