"""API Gateway: REST APIs (v1) and HTTP and WebSocket APIs (v2)."""

from __future__ import annotations

from cloudexit.connectors.aws.declare import ResourceType
from cloudexit.model.inventory import Attributes

REST_API = ResourceType(
    type="AWS::ApiGateway::RestApi",
    service="apigateway",
    operation="GetRestApis",
    items="items[]",
    id=lambda i, s: s.arn("apigateway", f"/restapis/{i['id']}", account=False),
    name=lambda i: str(i.get("name") or i["id"]),
    tags="tags",
    attributes=lambda i, s: Attributes(
        details={
            "api_id": i["id"],
            "endpoint_types": sorted((i.get("endpointConfiguration") or {}).get("types", [])),
            "protocol": "REST",
        },
    ),
)

HTTP_API = ResourceType(
    type="AWS::ApiGatewayV2::Api",
    service="apigatewayv2",
    operation="GetApis",
    items="Items[]",
    id=lambda i, s: s.arn("apigateway", f"/apis/{i['ApiId']}", account=False),
    name=lambda i: str(i.get("Name") or i["ApiId"]),
    attributes=lambda i, s: Attributes(
        details={
            "api_id": i["ApiId"],
            "endpoint": i.get("ApiEndpoint"),
            "protocol": i.get("ProtocolType"),
        },
    ),
)

TYPES = (REST_API, HTTP_API)
