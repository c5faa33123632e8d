"""The same partner feeds read through defusedxml, as the security review asked."""

import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET
from defusedxml import minidom as safe_minidom


def read_feed(document):
    # ok: SC241
    return SafeET.fromstring(document)


def read_feed_file(path):
    # ok: SC241
    return SafeET.parse(path)


def read_minidom(document):
    # ok: SC241
    return safe_minidom.parseString(document)


def build_reply(items):
    root = ET.Element("reply")
    for item in items:
        ET.SubElement(root, "item").text = item
    # ok: SC241
    return ET.tostring(root)
