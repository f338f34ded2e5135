# warning: source tags not written, ovh_cloud_project_loadbalancer has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/ForwardingRule //compute.googleapis.com/projects/retail-analytics-prod/regions/europe-west1/forwardingRules/dash-lb
resource "ovh_cloud_project_loadbalancer" "dash_lb" {
  service_name = var.service_name
  region_name  = "GRA11"
  name         = "dash-lb"
  description  = "cloudexit: from gcp compute.googleapis.com/ForwardingRule //compute.googleapis.com/projects/retail-analytics-prod/regions/europe-west1/forwardingRules/dash-lb"
  flavor_id    = var.flavor_ids["medium"]
  network = {
    private = {
      network = {
        id        = ovh_cloud_network_private_vrack.analytics.id
        subnet_id = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
      }
    }
  }
  listeners = [
    {
      port     = 443
      protocol = "tcp"
      pool = {
        algorithm = "roundRobin"
        protocol  = "tcp"
        members   = []
      }
    },
  ]
}

# warning: source tags not written, ovh_cloud_project_loadbalancer has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.network/loadbalancers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/loadbalancers/lb-erp
resource "ovh_cloud_project_loadbalancer" "lb_erp" {
  service_name = var.service_name
  region_name  = "GRA11"
  name         = "lb-erp"
  description  = "cloudexit: from azure microsoft.network/loadbalancers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/loadbalancers/lb-erp"
  flavor_id    = var.flavor_ids["medium"]
  network = {
    private = {
      network = {
        id        = ovh_cloud_network_private_vrack.vnet_erp.id
        subnet_id = ovh_cloud_network_private_vrack_subnet.snet_app.id
      }
      floating_ip = {
        id = ovh_cloud_floating_ip.pip_lb_erp.id
      }
    }
  }
  listeners = [
    {
      port     = 443
      protocol = "tcp"
      pool = {
        algorithm = "roundRobin"
        protocol  = "tcp"
        members = [
          {
            name          = "vm-erp-1"
            address       = "10.40.1.32"
            protocol_port = 443
          },
          {
            name          = "vm-erp-2"
            address       = "10.40.1.33"
            protocol_port = 443
          },
          {
            name          = "vm-erp-3"
            address       = "10.40.1.34"
            protocol_port = 443
          },
          {
            name          = "vm-erp-4"
            address       = "10.40.1.35"
            protocol_port = 443
          },
        ]
      }
    },
  ]
}

# warning: source tags not written, ovh_cloud_project_loadbalancer has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::ElasticLoadBalancingV2::LoadBalancer arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188
resource "ovh_cloud_project_loadbalancer" "shop_alb" {
  service_name = var.service_name
  region_name  = "GRA11"
  name         = "shop-alb"
  description  = "cloudexit: from aws AWS::ElasticLoadBalancingV2::LoadBalancer arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188"
  flavor_id    = var.flavor_ids["medium"]
  network = {
    private = {
      network = {
        id        = ovh_cloud_network_private_vrack.shop_vpc.id
        subnet_id = ovh_cloud_network_private_vrack_subnet.shop_public.id
      }
    }
  }
  listeners = [
    {
      port     = 80
      protocol = "http"
      pool = {
        algorithm = "roundRobin"
        protocol  = "http"
        members = [
          {
            name          = "shop-web-1"
            address       = "10.20.0.61"
            protocol_port = 80
          },
          {
            name          = "shop-web-2"
            address       = "10.20.0.62"
            protocol_port = 80
          },
          {
            name          = "shop-web-3"
            address       = "10.20.0.63"
            protocol_port = 80
          },
          {
            name          = "shop-web-4"
            address       = "10.20.0.64"
            protocol_port = 80
          },
          {
            name          = "shop-web-5"
            address       = "10.20.0.65"
            protocol_port = 80
          },
          {
            name          = "shop-web-6"
            address       = "10.20.0.66"
            protocol_port = 80
          },
        ]
      }
    },
    {
      port     = 443
      protocol = "tcp"
      pool = {
        algorithm = "roundRobin"
        protocol  = "tcp"
        members = [
          {
            name          = "shop-web-1"
            address       = "10.20.0.61"
            protocol_port = 443
          },
          {
            name          = "shop-web-2"
            address       = "10.20.0.62"
            protocol_port = 443
          },
          {
            name          = "shop-web-3"
            address       = "10.20.0.63"
            protocol_port = 443
          },
          {
            name          = "shop-web-4"
            address       = "10.20.0.64"
            protocol_port = 443
          },
          {
            name          = "shop-web-5"
            address       = "10.20.0.65"
            protocol_port = 443
          },
          {
            name          = "shop-web-6"
            address       = "10.20.0.66"
            protocol_port = 443
          },
        ]
      }
    },
  ]
}
