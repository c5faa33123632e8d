terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIA{{upper:16}}"  ⟪+provider-token⟫
  secret_key = "{{base64:40}}"  ⟪+provider-token⟫
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "shop" {
  identifier        = "myshop"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  username          = "myshop"
  password          = var.db_password  ⟪-env-reference⟫
  allocated_storage = 50
}

resource "aws_db_instance" "replica" {
  identifier     = "myshop-analytics"
  engine         = "postgres"
  instance_class = "db.t3.small"
  username       = "analytics"
  password       = "{{password:20}}"  ⟪+password⟫
}

resource "random_password" "api" {
  length  = 32
  special = false
}

output "api_token" {
  value     = random_password.api.result  ⟪-name-only⟫
  sensitive = true
}
