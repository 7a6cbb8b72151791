"""Benchmarks of sfn-grpc (`make bench`); results land in bench/results/."""
