output "allow_internal_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal"
  value       = opennebula_security_group.allow_internal.id
}

output "etl_1_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-1"
  value       = opennebula_image.etl_1.id
}

output "etl_2_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-2"
  value       = opennebula_image.etl_2.id
}

output "etl_3_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-3"
  value       = opennebula_image.etl_3.id
}

output "etl_4_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-4"
  value       = opennebula_image.etl_4.id
}

output "etl_1_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-1"
  value       = opennebula_virtual_machine.etl_1.id
}

output "etl_2_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-2"
  value       = opennebula_virtual_machine.etl_2.id
}

output "etl_3_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-3"
  value       = opennebula_virtual_machine.etl_3.id
}

output "etl_4_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-4"
  value       = opennebula_virtual_machine.etl_4.id
}

output "dash_1_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-1"
  value       = opennebula_virtual_machine.dash_1.id
}

output "dash_2_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-2"
  value       = opennebula_virtual_machine.dash_2.id
}

output "vm_erp_1_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-1"
  value       = opennebula_virtual_machine.vm_erp_1.id
}

output "vm_erp_2_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-2"
  value       = opennebula_virtual_machine.vm_erp_2.id
}

output "vm_erp_3_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-3"
  value       = opennebula_virtual_machine.vm_erp_3.id
}

output "vm_erp_4_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-4"
  value       = opennebula_virtual_machine.vm_erp_4.id
}

output "vm_erp_report_1_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-1"
  value       = opennebula_virtual_machine.vm_erp_report_1.id
}

output "vm_erp_report_2_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-2"
  value       = opennebula_virtual_machine.vm_erp_report_2.id
}

output "nsg_erp_id" {
  description = "cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp"
  value       = opennebula_security_group.nsg_erp.id
}

output "vm_sales_1_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-1"
  value       = opennebula_virtual_machine.vm_sales_1.id
}

output "vm_sales_2_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-2"
  value       = opennebula_virtual_machine.vm_sales_2.id
}

output "crm_app_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm01"
  value       = opennebula_virtual_machine.crm_app_1.id
}

output "crm_app_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm02"
  value       = opennebula_virtual_machine.crm_app_2.id
}

output "shop_app_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app01"
  value       = opennebula_virtual_machine.shop_app_1.id
}

output "shop_app_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app02"
  value       = opennebula_virtual_machine.shop_app_2.id
}

output "shop_app_3_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app03"
  value       = opennebula_virtual_machine.shop_app_3.id
}

output "shop_app_4_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app04"
  value       = opennebula_virtual_machine.shop_app_4.id
}

output "shop_bastion_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0bastion"
  value       = opennebula_virtual_machine.shop_bastion.id
}

output "shop_batch_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch01"
  value       = opennebula_virtual_machine.shop_batch_1.id
}

output "shop_batch_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch02"
  value       = opennebula_virtual_machine.shop_batch_2.id
}

output "shop_web_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web01"
  value       = opennebula_virtual_machine.shop_web_1.id
}

output "shop_web_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web02"
  value       = opennebula_virtual_machine.shop_web_2.id
}

output "shop_web_3_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web03"
  value       = opennebula_virtual_machine.shop_web_3.id
}

output "shop_web_4_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web04"
  value       = opennebula_virtual_machine.shop_web_4.id
}

output "shop_web_5_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web05"
  value       = opennebula_virtual_machine.shop_web_5.id
}

output "shop_web_6_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web06"
  value       = opennebula_virtual_machine.shop_web_6.id
}

output "shop_app_sg_id" {
  description = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001"
  value       = opennebula_security_group.shop_app_sg.id
}

output "shop_db_sg_id" {
  description = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-db0001"
  value       = opennebula_security_group.shop_db_sg.id
}

output "shop_web_sg_id" {
  description = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001"
  value       = opennebula_security_group.shop_web_sg.id
}

output "shop_app_1_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app01"
  value       = opennebula_image.shop_app_1_data.id
}

output "shop_app_2_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app02"
  value       = opennebula_image.shop_app_2_data.id
}

output "shop_app_3_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app03"
  value       = opennebula_image.shop_app_3_data.id
}

output "shop_app_4_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app04"
  value       = opennebula_image.shop_app_4_data.id
}
