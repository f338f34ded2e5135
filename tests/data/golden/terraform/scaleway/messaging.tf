# warning: source tags not written, scaleway_mnq_sns_topic has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp pubsub.googleapis.com/Topic //pubsub.googleapis.com/projects/retail-analytics-prod/topics/ingest
resource "scaleway_mnq_sns_topic" "ingest" {
  name         = "ingest"
  sns_endpoint = scaleway_mnq_sns.main.endpoint
  access_key   = scaleway_mnq_sns_credentials.main.access_key
  secret_key   = scaleway_mnq_sns_credentials.main.secret_key
}

# warning: source tags not written, scaleway_mnq_sqs_queue has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.servicebus/namespaces /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.servicebus/namespaces/sb-erp
resource "scaleway_mnq_sqs_queue" "sb_erp" {
  name         = "sb-erp"
  sqs_endpoint = scaleway_mnq_sqs.main.endpoint
  access_key   = scaleway_mnq_sqs_credentials.main.access_key
  secret_key   = scaleway_mnq_sqs_credentials.main.secret_key
}

# warning: source tags not written, scaleway_mnq_sns_topic has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::SNS::Topic arn:aws:sns:us-east-1:123456789012:shop-events
resource "scaleway_mnq_sns_topic" "shop_events" {
  name         = "shop-events"
  sns_endpoint = scaleway_mnq_sns.main.endpoint
  access_key   = scaleway_mnq_sns_credentials.main.access_key
  secret_key   = scaleway_mnq_sns_credentials.main.secret_key
}

# warning: source tags not written, scaleway_mnq_sqs_queue has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::SQS::Queue arn:aws:sqs:us-east-1:123456789012:shop-email-queue
resource "scaleway_mnq_sqs_queue" "shop_email_queue" {
  name         = "shop-email-queue"
  sqs_endpoint = scaleway_mnq_sqs.main.endpoint
  access_key   = scaleway_mnq_sqs_credentials.main.access_key
  secret_key   = scaleway_mnq_sqs_credentials.main.secret_key
}

# warning: source tags not written, scaleway_mnq_sqs_queue has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::SQS::Queue arn:aws:sqs:us-east-1:123456789012:shop-orders-queue
resource "scaleway_mnq_sqs_queue" "shop_orders_queue" {
  name         = "shop-orders-queue"
  sqs_endpoint = scaleway_mnq_sqs.main.endpoint
  access_key   = scaleway_mnq_sqs_credentials.main.access_key
  secret_key   = scaleway_mnq_sqs_credentials.main.secret_key
}
