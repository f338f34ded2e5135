# cloudexit: from gcp compute.googleapis.com/ForwardingRule //compute.googleapis.com/projects/retail-analytics-prod/regions/europe-west1/forwardingRules/dash-lb
resource "scaleway_lb" "dash_lb" {
  name = "dash-lb"
  type = "LB-S"
  tags = ["app=analytics", "classification=internal", "cloudexit-source=gcp-dash-lb", "env=prod", "owner=team-data"]
  private_network {
    private_network_id = scaleway_vpc_private_network.analytics_ew1.id
  }
}

resource "scaleway_lb_backend" "dash_lb-443" {
  lb_id            = scaleway_lb.dash_lb.id
  name             = "dash-lb-443"
  forward_protocol = "tcp"
  forward_port     = 443
  server_ips       = []
}

resource "scaleway_lb_frontend" "dash_lb-443" {
  lb_id        = scaleway_lb.dash_lb.id
  backend_id   = scaleway_lb_backend.dash_lb-443.id
  name         = "dash-lb-443"
  inbound_port = 443
}

# cloudexit: from azure microsoft.network/loadbalancers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/loadbalancers/lb-erp
resource "scaleway_lb" "lb_erp" {
  name   = "lb-erp"
  type   = "LB-S"
  tags   = ["app=erp", "classification=confidential", "cloudexit-source=azure-lb-erp", "env=prod", "owner=team-erp"]
  ip_ids = [scaleway_lb_ip.pip_lb_erp.id]
  private_network {
    private_network_id = scaleway_vpc_private_network.snet_app.id
  }
}

resource "scaleway_lb_backend" "lb_erp-443" {
  lb_id            = scaleway_lb.lb_erp.id
  name             = "lb-erp-443"
  forward_protocol = "tcp"
  forward_port     = 443
  server_ips       = [scaleway_instance_server.vm_erp_1.private_ips[0].address, scaleway_instance_server.vm_erp_2.private_ips[0].address, scaleway_instance_server.vm_erp_3.private_ips[0].address, scaleway_instance_server.vm_erp_4.private_ips[0].address]
}

resource "scaleway_lb_frontend" "lb_erp-443" {
  lb_id        = scaleway_lb.lb_erp.id
  backend_id   = scaleway_lb_backend.lb_erp-443.id
  name         = "lb-erp-443"
  inbound_port = 443
}

# cloudexit: from aws AWS::ElasticLoadBalancingV2::LoadBalancer arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188
resource "scaleway_lb" "shop_alb" {
  name = "shop-alb"
  type = "LB-S"
  tags = ["app=shop", "cloudexit-source=aws-shop-alb", "env=prod", "owner=team-web"]
  private_network {
    private_network_id = scaleway_vpc_private_network.shop_public.id
  }
}

resource "scaleway_lb_backend" "shop_alb-80" {
  lb_id             = scaleway_lb.shop_alb.id
  name              = "shop-alb-80"
  forward_protocol  = "http"
  forward_port      = 80
  server_ips        = [scaleway_instance_server.shop_web_1.private_ips[0].address, scaleway_instance_server.shop_web_2.private_ips[0].address, scaleway_instance_server.shop_web_3.private_ips[0].address, scaleway_instance_server.shop_web_4.private_ips[0].address, scaleway_instance_server.shop_web_5.private_ips[0].address, scaleway_instance_server.shop_web_6.private_ips[0].address]
  health_check_port = 80
  health_check_http {
    uri = "/healthz"
  }
}

resource "scaleway_lb_frontend" "shop_alb-80" {
  lb_id        = scaleway_lb.shop_alb.id
  backend_id   = scaleway_lb_backend.shop_alb-80.id
  name         = "shop-alb-80"
  inbound_port = 80
}

resource "scaleway_lb_backend" "shop_alb-443" {
  lb_id             = scaleway_lb.shop_alb.id
  name              = "shop-alb-443"
  forward_protocol  = "tcp"
  forward_port      = 443
  server_ips        = [scaleway_instance_server.shop_web_1.private_ips[0].address, scaleway_instance_server.shop_web_2.private_ips[0].address, scaleway_instance_server.shop_web_3.private_ips[0].address, scaleway_instance_server.shop_web_4.private_ips[0].address, scaleway_instance_server.shop_web_5.private_ips[0].address, scaleway_instance_server.shop_web_6.private_ips[0].address]
  health_check_port = 80
  health_check_http {
    uri = "/healthz"
  }
}

resource "scaleway_lb_frontend" "shop_alb-443" {
  lb_id        = scaleway_lb.shop_alb.id
  backend_id   = scaleway_lb_backend.shop_alb-443.id
  name         = "shop-alb-443"
  inbound_port = 443
}
