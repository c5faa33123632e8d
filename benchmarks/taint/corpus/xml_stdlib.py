"""Report import from uploaded XML exports, parsed with the standard library."""

import xml.etree.ElementTree as ET


def import_report(upload_path):
    # expect: SC241
    tree = ET.parse(upload_path)
    return [row.attrib for row in tree.getroot()]


def import_inline(body):
    # expect: SC241
    return ET.fromstring(body)


def builtin_template():
    # ok: SC241
    return ET.fromstring("<report><rows/></report>")
