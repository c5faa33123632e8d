"""Partner feed import: XML from partners' SFTP drops and uploads, parsed several ways."""

import xml.sax
from xml.dom import minidom, pulldom
from xml.parsers import expat

from lxml import etree

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
# expect: SC241
LEGACY_PARSER = etree.XMLParser(resolve_entities=True)
# expect: SC241
NETWORK_PARSER = etree.XMLParser(no_network=False)
# expect: SC241
DTD_PARSER = etree.XMLParser(load_dtd=True, dtd_validation=True)
# ok: SC241
HARDENED = etree.XMLParser(resolve_entities=False)
DEFAULTS = "<defaults><currency>EUR</currency></defaults>"


def read_partner_feed(document):
    # expect: SC241
    return etree.fromstring(document)


def read_partner_file(path):
    # expect: SC241
    return etree.parse(path)


def read_partner_feed_safely(document):
    # ok: SC241
    return etree.fromstring(document, parser=SAFE_PARSER)


def read_partner_file_safely(path):
    # ok: SC241
    return etree.parse(path, SAFE_PARSER)


def read_defaults():
    # ok: SC241
    return etree.fromstring(DEFAULTS)


def read_inline():
    # ok: SC241
    return minidom.parseString("<feed><item/></feed>")


def read_with_minidom(document):
    # expect: SC241
    return minidom.parseString(document)


def read_file_with_minidom(path):
    # expect: SC241
    return minidom.parse(path)


def stream_items(path):
    # expect: SC241
    events = pulldom.parse(path)
    return [node for event, node in events if event == pulldom.START_ELEMENT]


def sax_import(path, handler):
    # expect: SC241
    xml.sax.parse(path, handler)


def expat_import(data):
    # expect: SC241
    parser = expat.ParserCreate()
    parser.Parse(data, True)


def stream_with_hardened_parser(path, hardened_parser):
    # ok: SC241
    return pulldom.parse(path, hardened_parser)


def pretty(element):
    # ok: SC241
    return minidom.parseString(etree.tostring(element)).toprettyxml()
