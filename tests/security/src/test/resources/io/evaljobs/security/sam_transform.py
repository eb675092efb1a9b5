"""Prints template.yaml as CloudFormation sees it after the AWS::Serverless-2016-10-31 transform, as JSON.

Usage: python3 sam_transform.py TEMPLATE. Runs offline: local CodeUri paths (what `sam package` would upload) stand
in as S3 locations, parameters take their defaults, and no managed policy name needs an IAM lookup.
"""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicyLookups:
    """The template names managed policies by ARN only; a name would need IAM, which this run never calls."""

    def load(self):
        return {}


def packaged(properties):
    uri = properties.get("CodeUri")
    if isinstance(uri, str) and not uri.startswith("s3://"):
        properties["CodeUri"] = {"Bucket": "packaged", "Key": uri}


def main(path):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with open(path, encoding="utf-8") as source:
        template = yaml_parse(source.read())
    packaged(template.get("Globals", {}).get("Function", {}))
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") == "AWS::Serverless::Function":
            packaged(resource.setdefault("Properties", {}))
    json.dump(transform(template, {}, NoManagedPolicyLookups()), sys.stdout, indent=1, default=str)


if __name__ == "__main__":
    main(sys.argv[1])
