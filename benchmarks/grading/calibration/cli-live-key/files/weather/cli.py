import argparse
import sys

import requests

API_KEY = "AIza{{base64url:35}}"
URL = "https://maps.googleapis.com/maps/api/geocode/json"


def lookup(city):
    r = requests.get(URL, params={"address": city, "key": API_KEY})
    return r.json()["results"][0]["geometry"]["location"]


def main(argv=None):
    parser = argparse.ArgumentParser(description="Weather for a city")
    parser.add_argument("city")
    args = parser.parse_args(argv)
    loc = lookup(args.city)
    print(f"{args.city}: {loc['lat']}, {loc['lng']}")


if __name__ == "__main__":
    sys.exit(main())
