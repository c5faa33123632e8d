# %% [markdown]
# # Churn exploration
# Pull last quarter's orders, embed support tickets, cluster them.

# %%
import os

import openai
import pandas as pd
from huggingface_hub import login

openai.api_key = "sk-proj-{{base64url:156}}"  ⟪+provider-token⟫
HF_TOKEN = "hf_{{alpha:34}}"  ⟪+provider-token⟫
login(token=HF_TOKEN)

# %%
orders = pd.read_csv("s3://myshop-analytics/orders/2024-q1.csv")
orders.head()

# %%
client = openai.OpenAI(api_key=os.environ["OPENAI_API_KEY"])  ⟪-env-reference⟫
anthropic_key = "sk-ant-api03-{{base64url:93}}AA"  ⟪+provider-token⟫

# %%
conn_str = "mongodb+srv://analyst:{{alnum:14}}@cluster0.ab12c.mongodb.net/shop"  ⟪+url-credential⟫
public_bucket = "https://myshop-public.s3.amazonaws.com/exports/"  ⟪-url-no-creds⟫
sample_ids = ["{{uuid}}", "{{uuid}}"]  ⟪-uuid⟫

# %%
WANDB_API_KEY = "{{hex:40}}"  ⟪+provider-token⟫
model_checkpoint = "sentence-transformers/all-MiniLM-L6-v2"
embedding_cache_key = "emb-{{hex:16}}"
