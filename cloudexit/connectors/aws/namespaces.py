"""Which service module declares the types of each CloudFormation namespace (``AWS::EC2::...``),
so that an imported resource's declaration is read from one module instead of from every
describer of the connector (``registry`` imports them all)."""

from __future__ import annotations

from importlib import import_module

from cloudexit.connectors.aws.declare import ResourceType

MODULES = {
    "ApiGateway": "apigateway",
    "ApiGatewayV2": "apigateway",
    "AutoScaling": "autoscaling",
    "CloudFront": "cloudfront",
    "DynamoDB": "dynamodb",
    "EC2": "ec2",
    "ECR": "ecr",
    "ECS": "ecs",
    "EFS": "efs",
    "EKS": "eks",
    "ElastiCache": "elasticache",
    "ElasticLoadBalancing": "elb",
    "ElasticLoadBalancingV2": "elb",
    "Kinesis": "kinesis",
    "Lambda": "lambda_",
    "MSK": "msk",
    "OpenSearchService": "opensearch",
    "RDS": "rds",
    "Route53": "route53",
    "S3": "s3",
    "SecretsManager": "secretsmanager",
    "SNS": "sns",
    "SQS": "sqs",
}
"""CloudFormation namespace -> module of this package whose ``TYPES`` hold its types."""


def declaration(native_type: str) -> ResourceType | None:
    """The connector's own declaration of ``native_type``; None for a type no service module
    reads (the tagging reader's catch-all covers those)."""
    parts = native_type.split("::")
    module = MODULES.get(parts[1]) if len(parts) == 3 and parts[0] == "AWS" else None
    if module is None:
        return None
    types: tuple[ResourceType, ...] = import_module(f"cloudexit.connectors.aws.{module}").TYPES
    return next((rt for rt in types if rt.type == native_type), None)
