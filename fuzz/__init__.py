"""Fuzzing lunarquiz's bank loader and importers: what every input must lead to, inputs, and a long run."""
