import logging
import os

import discord
import openai
from discord.ext import commands

log = logging.getLogger(__name__)

intents = discord.Intents.default()
bot = commands.Bot(command_prefix="!", intents=intents)

DISCORD_TOKEN = "M{{alnum:25}}.{{alnum:6}}.{{base64url:38}}"  ⟪+provider-token⟫
openai.api_key = os.getenv("OPENAI_API_KEY")  ⟪-env-reference⟫
ADMIN_IDS = [int(x) for x in os.getenv("ADMIN_IDS", "").split(",") if x]
WEATHER_API = "https://api.openweathermap.org/data/2.5/weather?appid={{hex:32}}&q="  ⟪+generic-secret⟫
GIPHY_KEY = "{{alnum:32}}"  ⟪+generic-secret⟫
COMMAND_PREFIX_KEY = "prefix"  ⟪-name-only⟫


@bot.command()
async def weather(ctx, city: str):
    async with ctx.typing():
        log.info("weather for %s", city)
        await ctx.send(f"Looking up {city}...")


@bot.event
async def on_ready():
    log.info("logged in as %s", bot.user)


if __name__ == "__main__":
    bot.run(DISCORD_TOKEN)
