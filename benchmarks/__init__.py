"""lunarquiz's benchmark suite: ``python -m benchmarks`` measures start-up, answers, time-outs and big banks."""
