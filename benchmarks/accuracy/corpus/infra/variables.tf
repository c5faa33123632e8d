variable "environment" {
  type    = string
  default = "staging"
}

variable "db_password" {
  description = "Master password for the RDS instance"  ⟪-name-only⟫
  type        = string
  sensitive   = true
  default     = "{{password:18}}"  ⟪+password⟫
}

variable "datadog_api_key" {
  type    = string
  default = ""  ⟪-placeholder⟫
}

locals {
  github_token = "{{crc_token:ghp}}"  ⟪+provider-token⟫
  common_tags  = { Project = "myshop", Owner = "platform" }
}
