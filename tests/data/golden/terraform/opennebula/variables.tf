variable "image_id" {
  description = "Id of the OS image the virtual machines boot from"
  type        = number
}

variable "datastore_id" {
  description = "Image datastore for the data disks"
  type        = number
  default     = 1
}

variable "physical_device" {
  description = "Host interface carrying the VXLAN networks"
  type        = string
  default     = "eth0"
}

variable "migrated_image_ids" {
  description = "Per machine (by its name), the image imported on the target from its source boot disk (runbook, compute.vm): each such machine boots what was migrated, so none is guessed"
  type        = map(number)
}
