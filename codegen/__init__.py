"""Generators of the protobuf API from botocore's Step Functions service model (`make generate`)."""
