"""Build the pinned benchmark corpora from PyPI sdists.

    python benchmarks/build_corpus.py small     # flask + werkzeug
    python benchmarks/build_corpus.py large     # small + click, jinja2, requests, pip
    python benchmarks/build_corpus.py realcode  # the 9 projects of benchmarks/realcode/
    python benchmarks/build_corpus.py realapps  # 7 web applications (benchmarks/realcode/)
    python benchmarks/build_corpus.py holdout   # 7 more web applications, judged apart
    python benchmarks/build_corpus.py holdout2  # 7 more, a fresh sample judged apart
    python benchmarks/build_corpus.py holdout3  # 7 more, fresh once holdout2 was tuned on
    python benchmarks/build_corpus.py holdout4  # 7 more, fresh once holdout3 was judged
    python benchmarks/build_corpus.py holdout5  # 6 more, fresh once holdout4 was tuned on
    python benchmarks/build_corpus.py holdout6  # 7 more, fresh once holdout5 was tuned on
    python benchmarks/build_corpus.py holdout7  # 8 more, fresh once holdout6 was tuned on
    python benchmarks/build_corpus.py holdout8  # 6 more, fresh once holdout7 was tuned on
    python benchmarks/build_corpus.py holdout9  # 7 more, fresh once holdout8 was tuned on
    python benchmarks/build_corpus.py holdout10 # 8 more, fresh once holdout9 was tuned on
    python benchmarks/build_corpus.py holdout11 # 8 more, fresh once holdout10 was tuned on
    python benchmarks/build_corpus.py holdout12 # 5 more, fresh once holdout11 was tuned on
    python benchmarks/build_corpus.py holdout13 # 5 more, fresh once holdout12 was tuned on
    python benchmarks/build_corpus.py holdout14 # 8 more, fresh once holdout13 was tuned on
    python benchmarks/build_corpus.py holdout15 # more, fresh once holdout14 was tuned on
    python benchmarks/build_corpus.py holdout16 # 8 more, fresh once holdout15 was tuned on
    python benchmarks/build_corpus.py holdout17 # 8 more, fresh once holdout16 was tuned on
    python benchmarks/build_corpus.py holdout18 # 8 more, fresh once holdout17 was judged
    python benchmarks/build_corpus.py holdout19 # 5 more, fresh once holdout18 was judged
    python benchmarks/build_corpus.py holdout20 # more, fresh once holdout19 was judged
    python benchmarks/build_corpus.py holdout21 # more, fresh once holdout20 was judged
    python benchmarks/build_corpus.py holdout22 # more, fresh once holdout21 was judged
    python benchmarks/build_corpus.py holdout23 # more, fresh once holdout22 was judged
    python benchmarks/build_corpus.py holdout24 # more, fresh once holdout23 was judged
    python benchmarks/build_corpus.py holdout25 # more, fresh once holdout24 was judged
    python benchmarks/build_corpus.py holdout26 # more, fresh once holdout24 was judged
    python benchmarks/build_corpus.py holdout27 # more, fresh once holdout26 was judged
    python benchmarks/build_corpus.py holdout28 # more, fresh once holdout27 was judged
    python benchmarks/build_corpus.py holdout29 # more, fresh once holdout28 was judged
    python benchmarks/build_corpus.py holdout30 # more, fresh once holdout29 was judged
    python benchmarks/build_corpus.py holdout31 # more, fresh once holdout29 was judged
    python benchmarks/build_corpus.py holdout32 # more, fresh once holdout31 was judged
    python benchmarks/build_corpus.py holdout33 # more, fresh once holdout31 was judged
    python benchmarks/build_corpus.py holdout34 # more, fresh once holdout33 was judged
    python benchmarks/build_corpus.py holdout35 # more, fresh once holdout34 was judged
    python benchmarks/build_corpus.py holdout36 # more, fresh once holdout34 was judged
    python benchmarks/build_corpus.py holdout37 # more, fresh once holdout36 was judged
    python benchmarks/build_corpus.py holdout38 # more, fresh once holdout36 was judged
    python benchmarks/build_corpus.py holdout39 # more, fresh once holdout38 was judged
    python benchmarks/build_corpus.py holdout40 # more, fresh once holdout38 was judged
    python benchmarks/build_corpus.py holdout41 # more, fresh once holdout39 and 40 were judged
    python benchmarks/build_corpus.py holdout42 # more, fresh once holdout40 was judged
    python benchmarks/build_corpus.py holdout43 # more, fresh once holdout41 and 42 were judged
    python benchmarks/build_corpus.py holdout44 # more, fresh once holdout41 and 42 were judged
    python benchmarks/build_corpus.py holdout45 # more, fresh once holdout43 and 44 were judged
    python benchmarks/build_corpus.py holdout46 # more, fresh once holdout43 and 44 were judged
    python benchmarks/build_corpus.py holdout47 # more, fresh once holdout45 and 46 were judged
    python benchmarks/build_corpus.py holdout48 # more, fresh once holdout45 and 46 were judged
    python benchmarks/build_corpus.py holdout49 # more, fresh once holdout47 and 48 were judged
    python benchmarks/build_corpus.py holdout50 # more, fresh once holdout47 and 48 were judged
    python benchmarks/build_corpus.py holdout51 # more, fresh once holdout49 and 50 were judged
    python benchmarks/build_corpus.py holdout52 # more, fresh once holdout49 and 50 were judged
    python benchmarks/build_corpus.py all
    python benchmarks/build_corpus.py realcode --sdists DIR   # reuse archives already on disk

Each sdist is fetched from the package index's simple API (PEP 691 JSON, or PEP 503 HTML;
`https://pypi.org/simple` unless `CORPUS_INDEX_URL` names another): the archive with the pinned
file name, downloaded as is. Nothing of the project runs here. `pip download --no-deps
--no-binary :all: NAME==VERSION`, the fallback when the index cannot be reached, prepares each
sdist's metadata, which runs its build backend (setup.py included) and builds its build
dependencies from source (Cython's C for SQLAlchemy: minutes per sdist). Either way the archive
is checked against the sha256 pinned below, and unpacked with tarfile's "data" filter (no
absolute paths, no links out of the tree, no device files) into
`benchmarks/.corpus/<corpus>/<name>-<version>/`. Archives are cached in
`benchmarks/.corpus/sdists/`. A finished corpus has a `<corpus>.manifest.json` beside it; when
that matches the pins, the build is skipped, so the script is idempotent and the network is only
needed the first time. All of it is gitignored.
`--sdists DIR` copies an archive from DIR instead of downloading it when its sha256 matches the pin
(several work trees on one machine can share one download).

The pins are what `pip download` resolved on 2026-11-29. Bumping one changes every figure, so
do it on purpose and re-record the README table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS_ROOT = HERE / ".corpus"
SDISTS = CORPUS_ROOT / "sdists"


@dataclass(frozen=True)
class Sdist:
    name: str
    version: str
    sha256: str
    archive: str  # file name as PyPI serves it

    @property
    def folder(self) -> str:
        return f"{self.name}-{self.version}"


# The digests are sha256 sums of public archives, not secrets; one comment covers the statement.
PINS = {  # secretcheck: ignore[SC402]
    s.name: s
    for s in (
        Sdist("flask", "3.1.3",
              "0ef0e52b8a9cd932855379197dd8f94047b359ca0a78695144304cb45f87c9eb",
              "flask-3.1.3.tar.gz"),
        Sdist("werkzeug", "3.1.9",
              "55ca7c70a75689be937aa27f8ff4b018f06ff4838fc73045560bf0f5a1291060",
              "werkzeug-3.1.9.tar.gz"),
        Sdist("click", "8.5.1",
              "9bbfada76703fd1d784b83eea012e3e8c6a001a876543ef104fa56aaaeb072b4",
              "click-8.5.1.tar.gz"),
        Sdist("jinja2", "3.1.6",
              "0137fb05990d35f1275a587e9aee6d56da821fc83491a0fb838183be43f66d6d",
              "jinja2-3.1.6.tar.gz"),
        Sdist("requests", "2.34.2",
              "f288924cae4e29463698d6d60bc6a4da69c89185ad1e0bcc4104f584e960b9ed",
              "requests-2.34.2.tar.gz"),
        Sdist("pip", "26.3",
              "6c36ae7da8695be67e3cd9f7d87919667ced53f57ce2ede75d89b5912ed2bc4c",
              "pip-26.3.tar.gz"),
        # The realcode corpus: the latest versions on PyPI on 2026-12-05.
        Sdist("django", "5.2.19",
              "ad03d8abc51dbff95ebf34b27123cf0c26a3b62db7ba0cd520783686362533d1",
              "django-5.2.19.tar.gz"),
        Sdist("ansible_core", "2.19.14",
              "1e7612788eaa6b3c87a3670ce86c64b830eba0ae2b3fcb25a772f276704163b4",
              "ansible_core-2.19.14.tar.gz"),
        Sdist("boto3", "1.44.18",
              "232b51762ec4dc19e3d309f06494b5107101fd487aac9a976f7dfab2a2277304",
              "boto3-1.44.18.tar.gz"),
        Sdist("celery", "5.7.0",
              "6a5dfcf6662287204f009a02002b9e66c83d4105e47ebabdc7079108772fc6f0",
              "celery-5.7.0.tar.gz"),
        Sdist("sqlalchemy", "2.1.9",
              "d700a8b2edfb26282a470333d6bc4a454c4acda4d201a3bea7b72fa76c217d28",
              "sqlalchemy-2.1.9.tar.gz"),
        # The realapps corpus (resolved on 2026-12-06): web applications, where request data
        # really reaches SQL, files, HTML and redirects. roundup 2.3.0 and changedetection.io
        # 0.45.20 are the last versions before published injection fixes (CVE-2024-39124/5/6,
        # CVE-2024-32651), so a known defect can be looked for.
        Sdist("roundup", "2.3.0",
              "0427b911f6509e83c3e571fb6d2997fc8949a7a156f6efc366a4da32301640b4",
              "roundup-2.3.0.tar.gz"),
        Sdist("changedetection_io", "0.45.20",
              "f80b8a6d492846d06a4aff30f07a670ce0d41d785c7ebce47144d72d5742b9f2",
              "changedetection_io-0.45.20.tar.gz"),
        Sdist("calibreweb", "0.6.21",
              "a8d7ec2a646a8488f387a7bc15bfdb06e8b8a7e66a508f1478e1af630a10818c",
              "calibreweb-0.6.21.tar.gz"),
        Sdist("octoprint", "1.10.2",
              "9661bbf811137f9ff7fdf3ede42313dc58f76401e96cd017115a9d47f02a2671",
              "octoprint-1.10.2.tar.gz"),
        Sdist("archivebox", "0.7.2",
              "85d054117dad3963766f5d70e9a1b7c7b30feca4138f8470736c3c5ef00119fe",
              "archivebox-0.7.2.tar.gz"),
        Sdist("FlaskBB", "2.0.2",
              "45d32eb8cbc8fa80cfb26410ecf395a95ef39a52166ec40e626a3ef759b65148",
              "FlaskBB-2.0.2.tar.gz"),
        Sdist("Radicale", "3.1.8",
              "556a5b6dad428d9d0e2e879cfd84afe8d5987e04ae9d57b3015073f01664e484",
              "Radicale-3.1.8.tar.gz"),
        # The holdout corpus (resolved on 2026-12-06): web applications judged BEFORE the
        # false-alarm fixes tuned on realapps, so precision is also measured on code nobody tuned
        # on. mlflow 2.9.2 has published tracking-server path traversals (CVE-2024-1483, fixed
        # in 2.10.0; CVE-2024-2928 and CVE-2024-3848, fixed later) and jupyter_server 2.7.1 is the
        # last version before the fixes of its open redirect CVE-2023-39968 and XSS
        # CVE-2023-40170, so known defects can be looked for.
        Sdist("mlflow", "2.9.2",
              "25f2ad3d0b0e78bd32296058fb4c315dff4379515cd669ac6137f39507b9dfe9",
              "mlflow-2.9.2.tar.gz"),
        Sdist("jupyter_server", "2.7.1",
              "76b4ae0b568c331acc9aa904fc4a1194ef9bdefa69f232deb3f3cae802528c05",
              "jupyter_server-2.7.1.tar.gz"),
        Sdist("Trac", "1.6",
              "61d73c61f670d68ffc346829d24b2f1d2050aa561aa71cb98e2fb43992c27304",
              "Trac-1.6.tar.gz"),
        Sdist("django-helpdesk", "0.3.1",
              "0af579542fc94627258a9dbc6edc0c79447b75cf506738932a7ddf91e9744b6e",
              "django-helpdesk-0.3.1.tar.gz"),
        Sdist("kinto", "19.3.2",
              "ac2be31780b9af509f88e173dc456081a36a26483ef83e7a91ea8189904b70ae",
              "kinto-19.3.2.tar.gz"),
        # D-Tale 3.10.0 (Flask) has published remote code execution through its pandas query
        # filters (CVE-2024-3408, CVE-2024-45595, CVE-2024-55890), all fixed in later versions.
        Sdist("dtale", "3.10.0",
              "7b1d849e066f44fa285e82e99809ef7a28c8a62a1f31a1a137bb1631afe3d52c",
              "dtale-3.10.0.tar.gz"),
        Sdist("isso", "0.13.0",
              "032f2155c642c8c1c903a8f7cd6fd94b7bdf0f499fc7e19dee6024d38e076ea3",
              "isso-0.13.0.tar.gz"),
        # The holdout2 corpus (resolved on 2026-12-06): a fresh sample judged at main 2d6510c,
        # before the fixes of its round, once holdout had been tuned on. Datasette 0.56 is the
        # last version before the fix of its reflected XSS CVE-2021-32670 (0.56.1) and pretalx
        # 2.3.1 the last before the fixes of its HTML-export path traversals CVE-2023-28458 and
        # CVE-2023-28459 (2.3.2), so known defects can be looked for.
        Sdist("datasette", "0.56",
              "66b3988a2f17c8ecff0f3cd593ed60236841af5c804399c25f553584f705acf3",
              "datasette-0.56.tar.gz"),
        Sdist("pretalx", "2.3.1",
              "0aa0c1fe413a4cb10ab71506b6ad786a19acfc0a228e7758272465f2f7de83a5",
              "pretalx-2.3.1.tar.gz"),
        Sdist("sickchill", "2024.3.1",
              "e7079bb77b415eb6697a63d9018db1ad317d06ad285d0d77893747cbf000aa17",
              "sickchill-2024.3.1.tar.gz"),
        Sdist("ihatemoney", "7.2.1",
              "e74fc718f68e1ec400cf9c4364025a91febb86c9b523aeb33a52e5adbeaa77e1",
              "ihatemoney-7.2.1.tar.gz"),
        Sdist("pypicloud", "1.3.12",
              "0bf9bf2c1f4ae6f37ac909344f11d5ba842089aad46821faae19150fe8028136",
              "pypicloud-1.3.12.tar.gz"),
        Sdist("maubot", "0.4.2",
              "b2f760ecaa42cbff93f47bbe15bb202cd53c9d5b889f47e53e0eeaca7ec8fb7d",
              "maubot-0.4.2.tar.gz"),
        Sdist("flower", "2.0.1",
              "5ab717b979530770c16afb48b50d2a98d23c3e9fe39851dcf6bc4d01845a02a0",
              "flower-2.0.1.tar.gz"),
        # The holdout3 corpus (resolved on 2026-12-06): a fresh sample judged at main 9846268,
        # before the fixes of its round, once holdout2 had been tuned on. ESPHome 2024.2.0 has the
        # dashboard's stored XSS CVE-2024-27287 (GHSA-9p43-hj5j-96h5: 2023.12.9 to 2024.2.1,
        # fixed in 2024.2.2), so a known defect can be looked for.
        Sdist("esphome", "2024.2.0",
              "d74db299acf08d410d0c2b1666f4026ab2e3fc1b3c1552ed0df619b11f56ab79",
              "esphome-2024.2.0.tar.gz"),
        Sdist("Kallithea", "0.7.0",
              "3df498f25aee9c66ded7fca949a4a118a6ba28b7cbd1edd6034f2871d1c576c7",
              "Kallithea-0.7.0.tar.gz"),
        Sdist("postorius", "1.3.8",
              "d664adf8f571df15090dce49c2b0a62a244d203c1bb238db336162e52833ea1f",
              "postorius-1.3.8.tar.gz"),
        Sdist("wiki", "0.9",
              "accf46f56cb9ee412989b25e07a1b7e215f07444e88b85b6f91509e9cb9be755",
              "wiki-0.9.tar.gz"),
        Sdist("xandikos", "0.2.8",
              "16f174f75d0b4a766f9a41e2fe2700e5d77e77d9a9990cee3d619dc1d8aff001",
              "xandikos-0.2.8.tar.gz"),
        Sdist("searx", "0.17.0",
              "c8976c075ba40fb654b6adfe2c0a688198cb4be219ff8892a530bcb1b1fa4ba6",
              "searx-0.17.0.tar.gz"),
        Sdist("lnbits", "0.12.6",
              "256fced2bf82d2a0e8da00a0c9c14cde71a68778f8b2f9b111374be80b2fceb2",
              "lnbits-0.12.6.tar.gz"),
        # The holdout4 corpus (resolved on 2026-12-06): a fresh sample judged at main b0400ac,
        # before any fix it prompts, once holdout3 had been judged. Versions just before published
        # injection fixes, so known defects can be looked for: graphite-web 1.1.10 (its dashboard
        # and render XSS CVE-2022-4728/4729/4730), WsgiDAV 4.0.2 (the directory browser's XSS
        # CVE-2022-41905, fixed in 4.1.0), Lektor 3.3.10 (the admin API's path traversal
        # CVE-2024-28335, fixed in 3.3.11), ckan 2.10.4 (fixed in 2.10.5: CVE-2024-41675, XSS in
        # the DataTables view) and chainlit 2.9.3 (the file read and SSRF fixed in 2.9.4).
        Sdist("ckan", "2.10.4",
              "d379f782ad7519bebe046acdeac27361cd4cc6a1d38c2c6c5374a95e28020860",
              "ckan-2.10.4.tar.gz"),
        Sdist("graphite-web", "1.1.10",
              "3f1868d505a8da3259600309c7df7d6db10b0d532bed6a7bc2cb2c60f91cd35a",
              "graphite-web-1.1.10.tar.gz"),
        Sdist("WsgiDAV", "4.0.2",
              "e353b936e89b80f84217fd5d3da54d104422d197babaa9d77befd3ff13a62564",
              "WsgiDAV-4.0.2.tar.gz"),
        Sdist("devpi-server", "6.9.2",
              "5b2425632b55344183460051fbb44d3dd9d327e9a0201e50cd65552bcb5a44ad",
              "devpi-server-6.9.2.tar.gz"),
        Sdist("jupyterhub", "4.0.2",
              "d4e450eed8d90dfbcf0eca08f00f2093a0bce74dc51f7cfc0b7057f602341a1d",
              "jupyterhub-4.0.2.tar.gz"),
        Sdist("Lektor", "3.3.10",
              "7c1645643a3aa0a6c8e8c13534c348299387524bd4872ce45a2aca8778e6b5b2",
              "Lektor-3.3.10.tar.gz"),
        Sdist("chainlit", "2.9.3",
              "7341dd07f708199d766440c2e3da844c4dede2878afce229bddab87d715bec21",
              "chainlit-2.9.3.tar.gz"),
        # The holdout5 corpus (resolved on 2026-12-06): a fresh sample judged at main 4868b5e,
        # before any fix it prompts, once holdout4 had been tuned on. Versions just before
        # published fixes where one exists: motionEye 0.43.1 (the media handlers' absolute path
        # traversal CVE-2026-55488, fixed in 0.44.0), gradio 4.43.0 (before the security fixes
        # of 4.44 and 5.0, among them the /queue/join SSRF fixed in 5.0), archivy 1.6.2 (its login
        # redirect got is_safe_redirect_url() in 1.7.1). pyload-ng was tried and left out: its
        # sdists' metadata says 0.5.0b3, not the dev version pip asked for, so pip refuses them.
        Sdist("gradio", "4.43.0",
              "0d510e98b7fcb5d829fdc9452dcfef9f060c86130c9e85a539b9e709ba460823",
              "gradio-4.43.0.tar.gz"),
        Sdist("motioneye", "0.43.1",
              "0146bf1418309873d8312e7393c1da8e779849f818b82383ac7a03bdf0639d0b",
              "motioneye-0.43.1.tar.gz"),
        Sdist("gns3_server", "2.2.61",
              "3eeda78e62f6dcf505ffbd7c04d2e7c828594a72f97c1f20fd024876a78b5147",
              "gns3_server-2.2.61.tar.gz"),
        Sdist("Glances", "3.4.0.5",
              "2aaae0222744837e1223f63bd2efffbc6a3fdae42c95b2ebd1925cf94ae2a85b",
              "Glances-3.4.0.5.tar.gz"),
        Sdist("misago", "0.39.6",
              "67265caa84e0c1a448547b04a123b2ae9e5fb5ae5f53d9343ec2d9dd14e91074",
              "misago-0.39.6.tar.gz"),
        Sdist("archivy", "1.6.2",
              "f883780f1e0243571c32cbf12a5b2d6b9124e90f75b3797a3656eb531a6d1e30",
              "archivy-1.6.2.tar.gz"),
        # The holdout6 corpus (resolved on 2026-12-06): a fresh sample judged at main 241a4c8,
        # before any fix it prompts, once holdout5 had been tuned on. Versions just before
        # published injection fixes: label-studio 1.9.2 (the ORM filter leak CVE-2023-47117, the
        # import SSRF CVE-2023-47116 and the avatar XSS CVE-2023-47115, fixed in 1.9.2.post0),
        # notebook 6.1.4 (the open redirect CVE-2020-26215, fixed in 6.1.5), pypiserver 1.2.5 (the
        # CRLF injection CVE-2019-6802, fixed in 1.2.6), langflow-base 0.0.96 = Langflow 1.0.x (the
        # unauthenticated code injection CVE-2025-3248, fixed in 1.3.0), kiwitcms 12.3 (the
        # uploaded-file XSS CVE-2023-33977, fixed in 12.4). fava 1.22.1 (its sdist's metadata no
        # longer parses), jupyter-server-proxy 3.2.0 (its build backend would not build from
        # source) and rdiffweb 2.4.x (no sdist) were tried and left out.
        Sdist("label-studio", "1.9.2",
              "4d819d0977a17223d41af018134a74fbb427aa54e6880fb0304f6cef6366b20d",
              "label-studio-1.9.2.tar.gz"),
        Sdist("kiwitcms", "12.3",
              "9acc234efc09e33023f2c51ae9632004b620b88111e510fa70c2889e91e1a854",
              "kiwitcms-12.3.tar.gz"),
        Sdist("notebook", "6.1.4",
              "687d01f963ea20360c0b904ee7a37c3d8cda553858c8d6e33fd0afd13e89de32",
              "notebook-6.1.4.tar.gz"),
        Sdist("pypiserver", "1.2.5",
              "7785e6bd2b8593722a6e40b8c25a9f67c2c3502ebbdff399c3d48deb92e0e7fa",
              "pypiserver-1.2.5.zip"),
        Sdist("langflow_base", "0.0.96",
              "e11d94134836ce030f53345895cfbdba2b6b015dacaa789095022a54a07ee42a",
              "langflow_base-0.0.96.tar.gz"),
        Sdist("privacyIDEA", "3.8.1",
              "e0dae763575c6300ccaebe6dcc8d3f119cb3e25c11302b1e78a96a12e8ab2b38",
              "privacyIDEA-3.8.1.tar.gz"),
        Sdist("ReviewBoard", "5.0.4",
              "e4a0bfc8cd0457e72614365df715bc0290d04a753881bdb4eabda95ef4d64ef2",
              "ReviewBoard-5.0.4.tar.gz"),
        # The holdout7 corpus (resolved on 2026-12-06): a fresh sample judged at main 5ca7004,
        # before any fix it prompts, once holdout6 had been tuned on. Versions just before
        # published injection fixes: Flask-AppBuilder 3.3.1 (the open redirect CVE-2021-32805,
        # fixed in 3.3.2), horizon 18.6.1 (the workflow-form open redirect CVE-2020-29565,
        # OSSA-2020-008, fixed in 18.6.2), nicegui 1.4.20 (the local file inclusion
        # CVE-2024-32005, fixed in 1.4.21). litellm 1.34.41 (no sdist of that version here),
        # voila 0.5.5 (its build backend would not prepare metadata), mautrix-telegram 0.15.1,
        # mitmproxy 11.1.1, shuup 2.10.8 and mealie (no such sdist here) and onionshare-cli 2.3.3
        # (its build dependencies would not install) were tried and left out.
        Sdist("Flask-AppBuilder", "3.3.1",
              "723c26455e48e47e313d7d90fc96e3cf588991e55e0bc3ee4fa3de385cbb348f",
              "Flask-AppBuilder-3.3.1.tar.gz"),
        Sdist("horizon", "18.6.1",
              "020adeb59eb172e9ba45d14bf5393a0de4e1242459c4cb651cd4bea664249bb3",
              "horizon-18.6.1.tar.gz"),
        Sdist("nicegui", "1.4.20",
              "3c5a0c46f98486f22a1348996540a3ad3d7ccf7c4d030c7d0d2d3eb88ba478a8",
              "nicegui-1.4.20.tar.gz"),
        Sdist("deluge", "2.1.1",
              "d6ea7e1f5bdd75f40cbd1d56f0c97cd1b5b74bc9e03783858c7daa81063dd4b9",
              "deluge-2.1.1.tar.gz"),
        Sdist("askbot", "0.12.2",
              "58ee584dccb2ecac0d81ea3d5cc9c4430c37bfa3948ab50370d4f53664d41a23",
              "askbot-0.12.2.tar.gz"),
        Sdist("webssh", "1.6.2",
              "9917acb5126e91a7fbb62def22cfcc33f47ece91a62b9e758f91c033672106c1",
              "webssh-1.6.2.tar.gz"),
        # Added once the first six gave 2 injection alerts, each chosen before it was scanned.
        Sdist("otterwiki", "2.6.2",
              "c1720e48e2d0fdb70454e16b10822b65ce2e784f97f9be9b42b6cfe99071fcaf",
              "otterwiki-2.6.2.tar.gz"),
        Sdist("FlexGet", "3.11.0",
              "5a10382015f4219fecd78c879e8bd68b8d473d04c74b92e2436dfbf611f85f10",
              "FlexGet-3.11.0.tar.gz"),
        # The holdout8 corpus (resolved on 2026-12-06): a fresh sample judged at main 7f3aea3,
        # before any fix it prompts, once holdout7 had been tuned on. tendenci 12.0.10 is the
        # version of the helpdesk deserialization CVE-2020-14942. Weblate 4.11 (its build
        # dependency translate-toolkit would not build), buildbot 1.8.0 and matrix-synapse 1.24.0
        # (their setup scripts need pkg_resources), unmanic 0.4.1 (its build requirements step
        # failed), pgadmin4 6.16 (no sdist) and open-webui 0.3.8 (its build runs npm) were tried
        # and left out.
        Sdist("wger", "2.1",
              "329d410cff8191a3a47286fb7f2a0c9f6dc397c04e996331fe99d18a99117e3f",
              "wger-2.1.tar.gz"),
        Sdist("Mezzanine", "4.3.1",
              "42c7909953cc5aea91921b47d804b61e14893bf48a2a476ce49a96559a0fa1d3",
              "Mezzanine-4.3.1.tar.gz"),
        Sdist("django-spirit", "0.12.3",
              "42d78e9e22252b7d0240c4594ea426d3a0ca5356087739cafd2a5e6aa3a183b8",
              "django-spirit-0.12.3.tar.gz"),
        Sdist("opencve", "1.5.0",
              "c14027be26544583b90f7e207596825a0961d232379b1b45aa62c652b08a9ba8",
              "opencve-1.5.0.tar.gz"),
        Sdist("tendenci", "12.0.10",
              "18720c19267582428ae69d98b6b80eab4f6392b94e98351d8a9db57b913d3c21",
              "tendenci-12.0.10.tar.gz"),
        Sdist("Mopidy-Iris", "3.54.0",
              "2e095438dac8638be3d405b99758dc81ad7a0c5ef65a5eb5a1eeec768e85da62",
              "Mopidy-Iris-3.54.0.tar.gz"),
        # The holdout9 corpus (resolved on 2026-12-06): a fresh sample judged at main 397d872,
        # before any fix it prompts, once holdout8 had been tuned on. visdom 0.2.4 was tried and
        # left out (its sdist's metadata step failed).
        Sdist("bepasty", "1.1.0",
              "7f9b51ab8f2d0aa8f3386abb6764f6535cf040dd76d4df5aa7ec4fc47599caf5",
              "bepasty-1.1.0.tar.gz"),
        Sdist("pinnwand", "1.3.0",
              "ceb5eea1cbf16a06ce174454d15d629f16c72b0aa07293f1ed57ef92545664ba",
              "pinnwand-1.3.0.tar.gz"),
        Sdist("supysonic", "0.7.9",
              "0114afceebe68c854e6df50d11ff7cbff6b0a56c75f291eeb61663b4f7465ec5",
              "supysonic-0.7.9.tar.gz"),
        Sdist("django-oscar", "3.1",
              "c79f14b88095a636d1ec28856743e08c9ee33ca946a61cfc7ba62baa773bfbbb",
              "django-oscar-3.1.tar.gz"),
        Sdist("thumbor", "7.4.0",
              "33a3fdc1942ae614db0d148abed8e15967158dfe18015dadd705d19975a58d2c",
              "thumbor-7.4.0.tar.gz"),
        Sdist("pretix", "4.0.0",
              "86f1c591830d702abf00afd3c9acb6218e59f109b96129b3052e57a900465424",
              "pretix-4.0.0.tar.gz"),
        Sdist("mayan-edms", "4.1",
              "b59992c86453af01d6ba4722445d044d7c2b4c736878601601b9fd6fcacb3ad6",
              "mayan-edms-4.1.tar.gz"),
        # The holdout10 corpus (resolved on 2026-12-06): a fresh sample judged at main 4f233a5,
        # before any fix it prompts, once holdout9 had been tuned on. modoboa 2.0.3/2.1.0/2.2.0
        # and MapProxy 1.16.0/2.0.2 were tried and left out (their sdists' metadata step fails
        # under today's build isolation: no pip, no pkg_resources).
        Sdist("umap_project", "2.0.3",
              "a630fc015994066dfd1a085e50340ef5a6babf3b9e06a13aef3021785340d2fa",
              "umap_project-2.0.3.tar.gz"),
        Sdist("klaus", "3.0.1",
              "f42afac225ff3c0b7a8356c627703040c7d8b822c65e5be7796c5a4a4ba0daf0",
              "klaus-3.0.1.tar.gz"),
        Sdist("MapProxy", "3.1.3",
              "acb4fa22b53ec1cf5eec9b7ad8b8541e1dfb03484f561864aa5ebecf5345e005",
              "MapProxy-3.1.3.tar.gz"),
        Sdist("appdaemon", "4.4.2",
              "b67cf70018fe549530304663e795094879306821be93593a2bf564406ddf565f",
              "appdaemon-4.4.2.tar.gz"),
        Sdist("sqlite-web", "0.6.1",
              "6753449983686803253995d1566885ba45531f035a8092631ce01d109ebb4bc2",
              "sqlite-web-0.6.1.tar.gz"),
        Sdist("khoj", "1.24.0",
              "20b8ab627db030a662597e856b5c0ba0bb96aaf6b1751aa03258486a13859934",
              "khoj-1.24.0.tar.gz"),
        Sdist("doccano", "1.8.4",
              "ac50f8f182bc97b97a7590f9d279ffffa6dd5eda183675eb51377ed139bbbb27",
              "doccano-1.8.4.tar.gz"),
        Sdist("pygeoapi", "0.16.1",
              "1cba34f14fe926beb84acbaa985a4404f113af49ca5225e808126494001f106a",
              "pygeoapi-0.16.1.tar.gz"),
        # The holdout11 corpus (resolved on 2026-12-06): a fresh sample judged at main fa222f4,
        # before any fix it prompts, once holdout10 had been tuned on. voila 0.5.5 and lollms 9.5.1
        # were tried and left out (their sdists' build steps fail here; litellm has no sdist for
        # the versions before its injection fixes, rasa 3.6 needs Python < 3.11).
        Sdist("whoogle-search", "0.8.3",
              "64da84137ffa6eb386e112250d0099b32399494adf5f0b74de5251274f9a6925",
              "whoogle-search-0.8.3.tar.gz"),
        Sdist("gramps_webapi", "2.8.0",
              "b7fd8510f0da374f1fe2ce04ada46847b0a539b89b4fa2b2a92dafd84c6c36b4",
              "gramps_webapi-2.8.0.tar.gz"),
        Sdist("ephios", "0.18.0",
              "04bb35966af1428fdaa463fb4007a3d3448dc6067d62f5c104d68b4fa27ca917",
              "ephios-0.18.0.tar.gz"),
        Sdist("hass-configurator", "0.5.2",
              "59ebdeefa5fb3b15284393ed959c274185ce4bbf6c40830c6c23bccb8a7e9892",
              "hass-configurator-0.5.2.tar.gz"),
        Sdist("lemur", "1.3.2",
              "718e57c7a8bcc8abcb97cb7a618d115b785a73d0401a4ddb9b919a288c0c906e",
              "lemur-1.3.2.tar.gz"),
        Sdist("jupyter_enterprise_gateway", "3.2.3",
              "ea2f93d9af4c90bc44ef1599fb207bfee61b2db47d456657646b4fd0999cf43c",
              "jupyter_enterprise_gateway-3.2.3.tar.gz"),
        Sdist("zou", "0.19.60",
              "a5803c6118ab5a8558909959bacc6733149d24b89153b197a99a8266d1f94855",
              "zou-0.19.60.tar.gz"),
        Sdist("marimo", "0.4.0",
              "22233b889b3708897a5a3b2d82fb49cc8ca554be3d8d11b6e3a194e46e46106d",
              "marimo-0.4.0.tar.gz"),
        # The holdout12 corpus (resolved on 2026-12-06): a fresh sample judged at main 92d2f1d,
        # before any fix it prompts, once holdout11 had been tuned on. jupyterlab-git 0.50.1 was
        # tried and left out (its sdist's build step needs jlpm, which is not here).
        Sdist("gerapy", "0.9.7",
              "70058a3358c601b6ec742d44afb68c1aa463f197757a29742f62cb0c1fef5a4f",
              "gerapy-0.9.7.tar.gz"),
        Sdist("scrapydweb", "1.4.0",
              "324fa505fafd2221ad896be7d3fcdf1af6330ffaa6f5ae06c797e1c4975e2186",
              "scrapydweb-1.4.0.tar.gz"),
        Sdist("alerta-server", "8.7.0",
              "10cde8c268feea01635340116903f714b61796219a18245268b82488fc2119d5",
              "alerta-server-8.7.0.tar.gz"),
        Sdist("pywb", "2.7.4",
              "b8906ed59d2e91de547803dce5dd4c6186fea516c60c1add9e063062c4cf486a",
              "pywb-2.7.4.tar.gz"),
        Sdist("freqtrade", "2024.8",
              "5bb54427b53180356b3ab01f3b0ce4910cf7fb6afb914d0a38bde247044e7681",
              "freqtrade-2024.8.tar.gz"),
        # The holdout13 corpus (resolved on 2026-12-07): a fresh sample judged at main d6eec6c,
        # before any fix it prompts, once holdout12 had been tuned on. bodhi-server 8.0.2 (its
        # sdist's metadata step fails, as do 8.3.0 and 25.5.1), aim 3.17.5 (its Cython build
        # fails) and mautrix-telegram 0.15.1 (pip finds no sdist) were tried and left out.
        Sdist("mobsf", "3.9.7",
              "5aabcf8a79cf280367e65e616cb11f61c25d0de40f5eee2e56a5f8573495a00c",
              "mobsf-3.9.7.tar.gz"),
        Sdist("anitya", "1.9.0",
              "11ab17f5304bc669b28e4106ed08a00eb2c9239453ad9227590a762c92f863d3",
              "anitya-1.9.0.tar.gz"),
        Sdist("luigi", "3.5.0",
              "d3ede04966655c13bc4f473f6390268c62e83c4c4540d78936c4f12496e4f128",
              "luigi-3.5.0.tar.gz"),
        Sdist("nautobot", "1.6.10",
              "dd6786987bdf0fa3a89592c11a88dc87030dd0bf2bc1aa7fb2affefa34880835",
              "nautobot-1.6.10.tar.gz"),
        Sdist("fschat", "0.2.36",
              "ac724458bb105cb5b3b9ec852150345dfa7f61fd7c275d6635d66fa1ed904d90",
              "fschat-0.2.36.tar.gz"),
        # The holdout14 corpus (resolved on 2026-12-07): a fresh sample judged at main 45d525a,
        # before any fix it prompts, once holdout13 had been tuned on. libretranslate 1.3.11
        # (its sdist's metadata step fails) was tried and 1.6.5 taken instead; pycsw was first
        # pinned at 2.0.2, which turned out to be the release that fixes CVE-2016-8640 (CQL text
        # into the WHERE clause), so 2.0.1, the last before the fix, is pinned.
        Sdist("pycsw", "2.0.1",
              "85c3ea9301e828380d88bb249d30e69bfcaef3e975d548947e54a557f17b4e1a",
              "pycsw-2.0.1.tar.gz"),
        Sdist("nbviewer", "1.0.1",
              "85233e53bc78ff216a99a2676a7e5f9557f0d4973797c36fdb81c9cc48821a73",
              "nbviewer-1.0.1.tar.gz"),
        Sdist("girder", "3.1.24",
              "9362d77910f04e11b6148a032e3fc32118cad4ff16ae6c26eb65d7f1e9af55f3",
              "girder-3.1.24.tar.gz"),
        Sdist("libretranslate", "1.6.5",
              "23bded0b9ba6bbcd987bca262e3c459ba4cf5e504a3e996dd81a0796052d1dcc",
              "libretranslate-1.6.5.tar.gz"),
        Sdist("openslides", "3.3",
              "49ab9b6be65551a879271a1125fa8e6e5b8de19cb4d77cac8526abd5ea175f2d",
              "openslides-3.3.tar.gz"),
        Sdist("argilla_server", "2.5.0",
              "e751dad499edfbdbc9fc731af03c621f33d220e8f52317459eaedf0c0c5a3812",
              "argilla_server-2.5.0.tar.gz"),
        Sdist("mediagoblin", "0.9.0",
              "de80d6266e4fbcfcc6d7313bc685acf4586afb33896c728347e453e1e828c377",
              "mediagoblin-0.9.0.tar.gz"),
        Sdist("pywps", "4.5.1",
              "2d776c72be746fb37db102d1126d11df1a1f69462b6aa8b5df2e1b824755276a",
              "pywps-4.5.1.tar.gz"),
        # The holdout15 corpus (resolved on 2026-12-07): a fresh sample judged at main ef4d029,
        # before any fix it prompts, once holdout14 had been tuned on. shuup 3.1.0 (PyPI serves
        # no sdist of it), nbgrader 0.9.1 (its build dependencies do not install from sdists)
        # and geonode 4.1.2 (PyPI's newest sdist is 2.10rc4) were tried and dropped;
        # matrix-sydent 2.2.0 is the last release before 2.3.0's fixes (CVE-2021-29430..29433),
        # vanna 0.5.5 the version CVE-2024-5565 names.
        Sdist("faradaysec", "4.6.2",
              "b1bce9254cbd5faa96036d565741c1cc822892a9ae5a3cd8468f7f896abc6982",
              "faradaysec-4.6.2.tar.gz"),
        Sdist("scancodeio", "32.7.0",
              "fb53c40ab45d3fc656309ebc8a19b9b55fe3453fbeba1d30db37211f4272a29e",
              "scancodeio-32.7.0.tar.gz"),
        Sdist("matrix-sydent", "2.2.0",
              "f4e5927008b98d7827ac9b2117ada111a42d94610d46cc1b448c9f595148dcfe",
              "matrix-sydent-2.2.0.tar.gz"),
        Sdist("vanna", "0.5.5",
              "7d9bf188a635bb75e4f8db15f0e6dbe72a426784779485f087b2df0ce175e664",
              "vanna-0.5.5.tar.gz"),
        Sdist("apache-superset", "2.1.0",
              "af137dbaea3fae1ec9bc9217a73357eadc152362df92b7f9e26015a52912c524",
              "apache-superset-2.1.0.tar.gz"),
        Sdist("apache-airflow", "2.5.0",
              "cd6c6c2d7dc2a0af9d509442d2ea4aaa150d55a8d950769f1635c497c396a3c9",
              "apache-airflow-2.5.0.tar.gz"),
        Sdist("pyspider", "0.3.10",
              "0148e5db79e743c8a096d260ae279e77cf4bf28736b593702ef006b9bb471cbb",
              "pyspider-0.3.10.tar.gz"),
        Sdist("oncall", "2.1.7",
              "a78686317eb77e3c4d92b09fce6274535fb7d4f5566a697eba7d828146c93bd9",
              "oncall-2.1.7.tar.gz"),
        # The holdout16 corpus (resolved on 2026-12-07): a fresh sample judged at main 4be997c,
        # before any fix it prompts, once holdout15 had been tuned on. HyperKitty 1.3.4 and 1.3.8
        # (their build dependencies do not install from sdists), streamlit 1.11.0 (its build
        # needs pipenv) and indico 3.x (PyPI serves sdists of 1.2 only) were tried and dropped;
        # trytond 6.2.5 is the last release of its series before the XML-RPC XXE fix
        # (CVE-2022-26661, 6.2.6), bentoml 1.2.4 the last before the pickle deserialization fix
        # (CVE-2024-2912, 1.2.5).
        Sdist("Kotti", "2.0.9",
              "c8e417073a131987da50deaf0fee75205f82fe1d7118f080fae8debb618f8668",
              "Kotti-2.0.9.tar.gz"),
        Sdist("trytond", "6.2.5",
              "6808d605ed86d58910a1f213c9bb501cf1f4c4956c5238c20dd4c303a8844e8a",
              "trytond-6.2.5.tar.gz"),
        Sdist("bentoml", "1.2.4",
              "39246c0fcd9161582f94580cee7ccfd65e84570690e087b9401a95d57e2a91ab",
              "bentoml-1.2.4.tar.gz"),
        Sdist("mage_ai", "0.9.72",
              "7b0f37f7e7a66943d39b8d74f1029f14b4f7d4cf46e8c210aeb315582c544b39",
              "mage_ai-0.9.72.tar.gz"),
        Sdist("arches", "6.2.0",
              "e7105b3ebe01766c5dff1af9a1bd719c8420339f57954bfa6f12707448cfb3fa",
              "arches-6.2.0.tar.gz"),
        Sdist("fittrackee", "0.7.32",
              "b6df888b1835e143deff2de4afded06d2dae6c6b76eaa8ba5d8c380c25af5018",
              "fittrackee-0.7.32.tar.gz"),
        Sdist("mailman", "3.3.8",
              "83ac07ee55ea2b4c89f00c4ed4717132f06270127d3465a53de3c5cb197d41ce",
              "mailman-3.3.8.tar.gz"),
        Sdist("codalab", "1.7.5",
              "6aa056422350408ca95e32193705dbfa064e37fc89fc048cffc1c11c9e51b29f",
              "codalab-1.7.5.tar.gz"),
        # The holdout17 corpus (resolved on 2026-12-07): a fresh sample judged at main 1f76bac,
        # before any fix it prompts, once holdout16 had been tuned on. nbdime 3.1.0 (its build
        # dependency python-sbom has no sdist) and c2cgeoportal-geoportal 2.8.1 (PyPI serves
        # wheels only after 2.5; 2.5.0.100's sdist fails its build step) were tried and dropped;
        # zenml 0.55.4 is the last release before the path traversal fix CVE-2024-2083 (0.55.5).
        Sdist("zenml", "0.55.4",
              "0f1774770a53c444f76b60f5cf3d7efe9d0d96c655c42795b0c58ee96d0ca5a1",
              "zenml-0.55.4.tar.gz"),
        Sdist("wagtail", "4.2.1",
              "fbb5e96559a9a34258397ed7a1c766cd2f2d32497e2932472f77d6f848e5658d",
              "wagtail-4.2.1.tar.gz"),
        Sdist("buku", "4.9",
              "7b5371a0961c6e0d9d126a2874cb25af3394bfa8b7d441bc016c853320e3fa6c",
              "buku-4.9.tar.gz"),
        Sdist("wikmd", "1.9.0",
              "4fa9e096c512160df975bda187b9de4d70b08b96c899eefd2ad3a3346d1a397b",
              "wikmd-1.9.0.tar.gz"),
        Sdist("optuna-dashboard", "0.13.0",
              "68930e952cf154f38d34fcfe15567dc6d4b05275bfcf1a233c2c3d3fdbb88482",
              "optuna-dashboard-0.13.0.tar.gz"),
        Sdist("pulpcore", "3.28.0",
              "d6bdf9a3ce657d100bf2336c781d8206cd9baa7e352c0ff05e9c6c3346a1e789",
              "pulpcore-3.28.0.tar.gz"),
        Sdist("updog", "1.4",
              "ee7fdd76317a789925a3e4fbf7eff3071487af279b7365bd831c31b1bd816c5e",
              "updog-1.4.tar.gz"),
        Sdist("tabpy", "2.9.0",
              "48cd5f572d536b3e34984038466b5cd86c5085d5973236649c558eb75bc8f154",
              "tabpy-2.9.0.tar.gz"),
        # The holdout18 corpus (resolved on 2026-12-07): a fresh sample judged at main 6a71c58,
        # before any fix it prompts, once holdout17 had been judged. cobbler 3.2.2 (its setup.py
        # imports setuptools.dep_util, which current setuptools no longer has) and piccolo-admin
        # 1.3.1 (its sdist lacks the requirements file its setup.py reads) were tried and
        # dropped; ajenti-panel 2.1.31 was left out unscanned (the login view of its
        # CVE-2019-25066 lives in the separate ajenti.plugin.core sdist). django-grappelli 2.15.1
        # is the last release before the open redirect fix CVE-2021-46898 (2.15.2), Flask-Admin
        # 1.5.2 the last before the XSS fix CVE-2018-16516 (1.5.3), scrapyd 1.4.3 the last
        # before 1.5.0 sanitized project names and escaped its pages, solara-ui 1.35.0 (the
        # `solara` sdist itself holds no code; solara-ui holds `solara/server/`) the last before
        # the CDN cache path traversal fix CVE-2024-39903 (1.35.1).
        Sdist("django-grappelli", "2.15.1",
              "bc38e7c2585c20b6c8c6a4d984beb4c0fe62ae13421d1fe6614d04dda2096014",
              "django-grappelli-2.15.1.tar.gz"),
        Sdist("Flask-Admin", "1.5.2",
              "752937f4af1f6600e5f4f08586c4790719a71146f163a091deba04706a48523b",
              "Flask-Admin-1.5.2.tar.gz"),
        Sdist("scrapyd", "1.4.3",
              "ad2cfb47cdfb03e30d0401db6ff95864988ad5cce84081ad6b55f2e2b52b50bd",
              "scrapyd-1.4.3.tar.gz"),
        Sdist("solara_ui", "1.35.0",
              "21f89cdb4d8f3c02dd7fead2329e78af697fa4ae127f29583f96f956e38fe061",
              "solara_ui-1.35.0.tar.gz"),
        Sdist("convertit", "2.2.0",
              "3b4b8550c067265fe215c0ee28e30eb463b163d36d25e7e57677047a2e2fa41c",
              "convertit-2.2.0.tar.gz"),
        Sdist("abow", "0.5.3",
              "19e44018c74f9da1b3b1a3160b2360c8ebbb46cc2de341111f2ee477b6410e9c",
              "abow-0.5.3.tar.gz"),
        Sdist("pilbox", "1.3.4",
              "b1ba323b3c1703574fb560b7871b3a5a3591222010657ced2a3498f9acf21928",
              "pilbox-1.3.4.tar.gz"),
        Sdist("tribler", "7.13.1",
              "17a66cbf90e2d4ee2bb4bacebf9ca09b839ef3c8a6cf1a45a8bd2d789f770469",
              "tribler-7.13.1.tar.gz"),
        # The holdout19 corpus (resolved on 2026-12-07): a fresh sample judged at 7e27d3f, before
        # any fix it prompts, once holdout18 had been judged. pagure (Flask) was tried and dropped
        # (no sdist on the index), and CherryMusic 0.35.2, the last before the path traversal and
        # XSS fixes CVE-2015-8309/8310 (0.36.0), was dropped too (its setup.py imports cherrypy
        # before declaring it), so the newest CherryMusic, 0.41.4, is pinned in its place.
        # nbgitpuller 0.10.1 is the last before the git argument injection fix CVE-2021-39160
        # (0.10.2), django-debug-toolbar 3.2 the last before the SQL panel fix CVE-2021-30459
        # (3.2.1), InvokeAI 5.0.2 the version the file deletion report CVE-2024-11042 names.
        Sdist("nbgitpuller", "0.10.1",
              "6d32f3121d83eabdc714eff48d9b0f44690f8eb03be18d529b9286c145c9f5af",
              "nbgitpuller-0.10.1.tar.gz"),
        Sdist("django-debug-toolbar", "3.2",
              "84e2607d900dbd571df0a2acf380b47c088efb787dce9805aefeb407341961d2",
              "django-debug-toolbar-3.2.tar.gz"),
        Sdist("InvokeAI", "5.0.2",
              "db6e5373f645026b5d9fb2cfa5fe0a7e6eb210553d03dda0087e1043b2e5e6a6",
              "InvokeAI-5.0.2.tar.gz"),
        Sdist("CherryMusic", "0.41.4",
              "ec32d4e57cbb8ea099b41032530533dee3c250f48d5139a68ef3329b5975fbfa",
              "CherryMusic-0.41.4.tar.gz"),
        Sdist("lute3", "3.10.3",
              "ab48b8e44f1d69d9fa3403a3d8226b5d88e94a11ddd7cb440cb69771aa519643",
              "lute3-3.10.3.tar.gz"),
        # The holdout20 corpus (resolved on 2026-12-07): a fresh sample judged at 74ea62f, before
        # any fix it prompts, once holdout19 had been judged. jupyter-lsp 2.2.1 is the last
        # release before the file access fix CVE-2024-22415 (2.2.2), mkdocs 1.2.2 the version of
        # the dev server path traversal CVE-2021-40978 (fixed in 1.2.3). django-filebrowser
        # 4.0.3, open_web_calendar 1.51 and rhasspy-server-hermes 2.5.10 are the newest of their
        # lines, with no injection CVE known to me.
        Sdist("jupyter-lsp", "2.2.1",
              "b17fab6d70fe83c8896b0cff59237640038247c196056b43684a0902b6a9e0fb",
              "jupyter-lsp-2.2.1.tar.gz"),
        Sdist("mkdocs", "1.2.2",
              "a334f5bd98ec960638511366eb8c5abc9c99b9083a0ed2401d8791b112d6b078",
              "mkdocs-1.2.2.tar.gz"),
        Sdist("django-filebrowser", "4.0.3",
              "5ed8da98fc9c5361a1e39e18908cc007d8bae77dd891c9fbe87d8aa9892d7656",
              "django-filebrowser-4.0.3.tar.gz"),
        Sdist("open_web_calendar", "1.51",
              "afeed929d34e8639e31353013409278b846ba71e0331185468fd4c9a4e70ccea",
              "open_web_calendar-1.51.tar.gz"),
        Sdist("rhasspy-server-hermes", "2.5.10",
              "18c26f55cf9c19ac65467fbf9643d896ee8b354417479a59dffac0f83b94c365",
              "rhasspy-server-hermes-2.5.10.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave only
        # 5 injection alerts: opsdroid 0.31.0, conda-store-server 2025.2.2 and flaskcode 0.0.8,
        # the newest of each, with no injection CVE known to me.
        Sdist("opsdroid", "0.31.0",
              "3c293103e272e5bc12d5a563dac7e0c366c283e2258e471213224eae8ab9fa04",
              "opsdroid-0.31.0.tar.gz"),
        Sdist("conda_store_server", "2025.2.2",
              "898a5ff25dd871a86ad8345e50318253940879f1ee2ab0207f10492ad819b6cb",
              "conda_store_server-2025.2.2.tar.gz"),
        Sdist("flaskcode", "0.0.8",
              "2b54abb96d9f17aae047351154d702a6909391b92ceaf2735e061602abd77233",
              "flaskcode-0.0.8.tar.gz"),
        # The holdout21 corpus (resolved on 2026-12-07): a fresh sample judged at 70c8032, before
        # any fix it prompts, once holdout20 had been judged. sickrage 10.0.71 (its setup script
        # needs pkg_resources) and fava 1.30.16 (its build hook imports typing.override, which
        # needs Python 3.12) were tried and dropped; pip resolved puppetboard to 7.0.4, the newest
        # sdist it accepts here. django-unicorn 0.61.0 is the last release before the class
        # pollution fix CVE-2025-24370 (0.62.0); tiddlyweb 2.4.3, jupyter_kernel_gateway 3.0.1
        # and spotdl 4.6.0 are the newest of their lines, with no injection CVE known to me.
        Sdist("tiddlyweb", "2.4.3",
              "48d64ca95af04de3ebed45ba47b2c784eda35f6c941ada5f2658d5fbb6425912",
              "tiddlyweb-2.4.3.tar.gz"),
        Sdist("django_unicorn", "0.61.0",
              "dd3ef5c610785bb69a770926cef4096993e236a1b080e695d8e2ee3aa5f4f603",
              "django_unicorn-0.61.0.tar.gz"),
        Sdist("jupyter_kernel_gateway", "3.0.1",
              "900690c4c0e796867355468d685f7fa1cf3c7775d08e871c157f77d65fbd6d7f",
              "jupyter_kernel_gateway-3.0.1.tar.gz"),
        Sdist("puppetboard", "7.0.4",
              "2fa2e859fc576fbedea49f19bbc66e88c78d85185356d0ab4643c822d2523cab",
              "puppetboard-7.0.4.tar.gz"),
        Sdist("spotdl", "4.6.0",
              "ce1fbdecd342f870850491d5d5fb6b033547d72d7c37c9f90fd9a2dfd78a0e01",
              "spotdl-4.6.0.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave no
        # injection alert: uploadserver 6.0.5, supervisor 4.3.0 and alignak_webui 0.12.2, the
        # newest of each, with no injection CVE known to me.
        Sdist("uploadserver", "6.0.5",
              "beeea36d2bc1f132d114d5c20c8e45092db0b2391c60e1ed0d577feeb008d238",
              "uploadserver-6.0.5.tar.gz"),
        Sdist("supervisor", "4.3.0",
              "4a2bf149adf42997e1bb44b70c43b613275ec9852c3edacca86a9166b27e945e",
              "supervisor-4.3.0.tar.gz"),
        Sdist("alignak_webui", "0.12.2",
              "a3f69e9e14a132edf8ed213214995dd4fe5f70c0129a729a52a9d1f919224625",
              "alignak_webui-0.12.2.tar.gz"),
        # The holdout22 corpus (resolved on 2026-12-07): a fresh sample judged at e0edc03, before
        # any fix it prompts, once holdout21 had been judged. Tried and dropped, in the order
        # chosen: pgadmin4 8.3 (no sdist on the index), mitmproxy 11.1.1 (no sdist after 0.15),
        # bodhi-server 26.4.0 (pip rejects a requirement in its metadata), rasa 3.6.21 (needs
        # Python < 3.11), jupyter-server-proxy 3.2.0 (its build needs jupyterlab 3 built from
        # source), litellm 1.35.0 (no sdist before 1.53), open-webui 0.3.8 (its build runs npm,
        # which fails here) and spiderkeeper 1.2.2 (pip finds no version matching its metadata);
        # pip resolved mautrix-telegram to 0.6.1, the newest sdist it accepts here.
        # django-sql-explorer 5.3.1, butterfly 3.2.5, hyperkitty 1.3.12 and
        # flask-monitoringdashboard 5.1.0 are the newest of their lines, with no injection CVE
        # known to me.
        Sdist("django_sql_explorer", "5.3.1",
              "602b7e7392a359c21e57717b40559e9c70c170be9ac7c6f6918656dfe5f6474e",
              "django_sql_explorer-5.3.1.tar.gz"),
        Sdist("butterfly", "3.2.5",
              "65d2bed2cbb6df21fe495ff52c9fa60ed8978c29443c7568d5f57612060fb55b",
              "butterfly-3.2.5.tar.gz"),
        Sdist("hyperkitty", "1.3.12",
              "deb582937ec5bc9ea9c1d5d86bfb76a4da429b60e1fea6fd6964e7c667cf161d",
              "hyperkitty-1.3.12.tar.gz"),
        Sdist("mautrix-telegram", "0.6.1",
              "2ddcd404a94918accfa3409c7cb3d12677cb4d633507a8bbf4c9a1ec4b3751d3",
              "mautrix-telegram-0.6.1.tar.gz"),
        Sdist("flask_monitoringdashboard", "5.1.0",
              "77d712fd355e67fbee987a38e77e5344642c702a01d4b3d6f14f9ea8ee926f40",
              "flask_monitoringdashboard-5.1.0.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave 1
        # injection alert: weblate and lollms (newest) were tried and dropped (weblate's build
        # dependencies fail to install from source, lollms' setup script needs a requirements.txt
        # its sdist lacks); pyramid_debugtoolbar 4.12.1, django-filer 3.6.0 and wdb.server 3.3.0,
        # the newest of each, with no injection CVE known to me, took their places.
        Sdist("pyramid_debugtoolbar", "4.12.1",
              "71e888d349c85fcca12b3e6dc4c7ae8e3f02a1d5acc05154fd9ba8c7f661b43d",
              "pyramid_debugtoolbar-4.12.1.tar.gz"),
        Sdist("django_filer", "3.6.0",
              "455ad0abfc16772e547f67f2c97e9efd2257e2686fd8526cefd499b862527304",
              "django_filer-3.6.0.tar.gz"),
        Sdist("wdb.server", "3.3.0",
              "8bc7ab9ffe9233cba51c6bbbc4af7041121c3e15157c88a4c2ec4fb257e0e27b",
              "wdb.server-3.3.0.tar.gz"),
        # The holdout23 corpus (resolved on 2026-12-07): a fresh sample judged at 8d9cd2c, before
        # any fix it prompts, once holdout22 had been judged. pyload-ng 0.5.0b3.dev30, the last
        # before the pre-auth code execution fix CVE-2023-0297 (dev31), was tried and dropped (pip
        # rejects its sdist: the metadata says 0.5.0b3). dpaste 3.5, rq-dashboard 0.9.0,
        # django-silk 5.6.0, proxpi 1.3.1 and morss 20230627.2039 are the newest of their lines,
        # with no injection CVE known to me.
        Sdist("dpaste", "3.5",
              "cbcb510a533fcd78e71ca828a2f59b952ed0f4376ca23707652db9f837b19818",
              "dpaste-3.5.tar.gz"),
        Sdist("rq_dashboard", "0.9.0",
              "33472117abe47b793d608e60fff5d29ed84e8e5a2c13c793ea3dbfdbde52dfb6",
              "rq_dashboard-0.9.0.tar.gz"),
        Sdist("django_silk", "5.6.0",
              "bb741fb8af45eba663e8ed832207d16ecd731496313311f6dfae5fe776bed38e",
              "django_silk-5.6.0.tar.gz"),
        Sdist("proxpi", "1.3.1",
              "1a67a48976012c965c97bee233c660eb154a9a60461cac6ca38df57cf309ea76",
              "proxpi-1.3.1.tar.gz"),
        Sdist("morss", "20230627.2039",
              "c401ac2921d81f1d2f8ec32ef107c574effb4b89905c42d51a306a69288c7c3c",
              "morss-20230627.2039.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave 1
        # injection alert: torcms 0.9.1, httpbin 0.10.4 and grip 4.6.2, the newest of each, with
        # no injection CVE known to me.
        Sdist("torcms", "0.9.1",
              "4b0a7296e48a274a86eba448d554c7d1fec0ebf052012b7b3433011107cceae7",
              "torcms-0.9.1.tar.gz"),
        Sdist("httpbin", "0.10.4",
              "6023a5a2e8fb8e91abdd6d34d1f1f455092f97d567c25600e1b48ee1178aa738",
              "httpbin-0.10.4.tar.gz"),
        Sdist("grip", "4.6.2",
              "3cf6dce0aa06edd663176914069af83f19dcb90f3a9c401271acfa71872f8ce3",
              "grip-4.6.2.tar.gz"),
        # The holdout24 corpus (resolved on 2026-12-07): a fresh sample judged at 8e8f097, before
        # any fix it prompts, once holdout23 had been judged. 0bin 1.0.5 (Bottle) was tried and
        # dropped (pip found no distribution here), voila 0.5.8 and nbdime 3.1.0 (Tornado) too
        # (voila's build dependencies failed to install, nbdime's download did not finish in two
        # minutes). psdash 0.6.2, realms-wiki 0.9.3 and fastapi-admin 1.0.4 are the newest of their
        # lines; django-ckeditor 6.7.3 and django-rosetta 0.10.1 were taken for the newest but are
        # not (6.7.4 and 0.10.3 exist); no injection CVE known to me for any of them.
        Sdist("django_ckeditor", "6.7.3",
              "889fd80ee7d368e3c5b828c8dabf8907d56bcad6bf5881f3898416df4f2adfe7",
              "django_ckeditor-6.7.3.tar.gz"),
        Sdist("django_rosetta", "0.10.1",
              "9a41140cf18c80127835ae5c648c99528fc03ed0b15a6d74cb6102f45b506cd0",
              "django_rosetta-0.10.1.tar.gz"),
        Sdist("psdash", "0.6.2",
              "77275d7d91db8bf879aa779a4a21465439adfcbdd4582ed5410b60dcad238a59",
              "psdash-0.6.2.tar.gz"),
        Sdist("realms-wiki", "0.9.3",
              "c9554b9bf241595cb5d00f9c6f9cbeb8d3432f16664243a9404a430a9de1d2cb",
              "realms-wiki-0.9.3.tar.gz"),
        Sdist("fastapi-admin", "1.0.4",
              "d45cb23a23fc2bbffb0e8adfb1362350a1fe808f47912253c1f067f7d7745d88",
              "fastapi-admin-1.0.4.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave 2
        # injection alerts: Flask-AutoIndex 0.6.6 (the newest) and django-cas-ng 5.0.1 (taken for
        # the newest, but 5.1.1 exists), with no injection CVE known to me, and copyparty 1.8.1,
        # the last before the path traversal fix CVE-2023-37474 (1.8.2).
        Sdist("Flask-AutoIndex", "0.6.6",
              "ea319f7ccadf68ddf98d940002066278c779323644f9944b300066d50e2effc7",
              "Flask-AutoIndex-0.6.6.tar.gz"),
        Sdist("django-cas-ng", "5.0.1",
              "e02ba35cc289e3478ca43185383ba24e4f690a41110927e87e92ac6675248541",
              "django-cas-ng-5.0.1.tar.gz"),
        Sdist("copyparty", "1.8.1",
              "637e4a40608136dad9bdc1fea9a3262b02683514aaec70069ca32d9bf0655567",
              "copyparty-1.8.1.tar.gz"),
        # The holdout25 corpus (resolved on 2026-12-07): a fresh sample judged at 97a3a17, before
        # any fix it prompts, once holdout24 had been judged. jupyterlab-git 0.51.0 (Tornado),
        # rdiffweb 1.5.0 and piccolo-admin 1.3.1 and 1.2.2 (Starlette) were tried and dropped
        # before any scan (their sdists failed to build metadata here; rdiffweb 2.4.x has no
        # sdist). rdiffweb 2.11.5 is the newest of its 2.x line (7.x exists), after its path
        # traversal fix CVE-2022-3389 (2.4.10); django-drf-filepond 0.5.2 and browsepy 0.5.6 are
        # the newest; docling-serve 0.5.1 and Mopidy 3.4.2 are not (1.x and 4.x exist); no
        # injection CVE known to me for any of them.
        Sdist("rdiffweb", "2.11.5",
              "4f5e8f8f25772def33f4e0eabfa34b71ec68efa32e1cbb8727957236215cad56",
              "rdiffweb-2.11.5.tar.gz"),
        Sdist("django-drf-filepond", "0.5.2",
              "77ed4ddd79dd9d5f5037ee0f54ed6b15ab256db3fc83a4f553a62cd38e5bba11",
              "django_drf_filepond-0.5.2.tar.gz"),
        Sdist("browsepy", "0.5.6",
              "09175480eebd04a716a9c823cc6c98a0e3f52072c457e6be4f97eed07ee14e87",
              "browsepy-0.5.6.tar.gz"),
        Sdist("docling_serve", "0.5.1",
              "84a1d94bcface02aff18c68d90d5d72e017f457b0da6bf773a2ee3b25f86b272",
              "docling_serve-0.5.1.tar.gz"),
        Sdist("Mopidy", "3.4.2",
              "ada9ecbfc09eecc8c9e6742a8a4fea1632a134a1ab060527d8aa3d36df0547b6",
              "Mopidy-3.4.2.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave 2
        # injection alerts: pyshop 1.3.0, django-sql-dashboard 1.2 and tahrir 2.1.0, the newest of
        # each, with no injection CVE known to me.
        Sdist("pyshop", "1.3.0",
              "6f7de0d74b148d65c6bb6826babf4fde98d55ee692fe118448ffd516849124ae",
              "pyshop-1.3.0.tar.gz"),
        Sdist("django-sql-dashboard", "1.2",
              "7bc8ee6cb212d74147216e31ec392e29f5c16bdcb5cc8e76a3715f0d527713a9",
              "django-sql-dashboard-1.2.tar.gz"),
        Sdist("tahrir", "2.1.0",
              "3034ef99dea609cc3a58d940a8c32f9b54e6fd778a20986b504a240dc9c0a665",
              "tahrir-2.1.0.tar.gz"),
        # The holdout26 corpus (resolved on 2026-12-07): a fresh sample judged at 97a3a17, before
        # any fix it prompts, once holdout24 had been judged (beside holdout25, built at the same
        # time from other apps). Ajenti is two sdists: its core aj 2.1.31, the last before the
        # login shell injection fix CVE-2019-25066 (2.1.32), and ajenti.plugin.core 0.91, the core
        # plugin released before it, which holds the login view (holdout18 left ajenti out for
        # want of it). PyWebDAV3 0.9.14 is the newest that fetches here (0.10.0 and 0.11.0 need
        # git-versioner to build metadata); papaye 0.2.2, loggerhead 2.0.3 and autogenstudio
        # 0.4.2.2 are the newest of their lines; no other injection CVE known to me.
        Sdist("aj", "2.1.31",
              "41299d00fc0dd00ba96eaed8b810b2d9285dd88701a34fdda47cfabf43c078f6",
              "aj-2.1.31.tar.gz"),
        Sdist("ajenti.plugin.core", "0.91",
              "3f425f1235c74f124f110384a339197e1a3326cd5006080472b62657b8fe3c82",
              "ajenti.plugin.core-0.91.tar.gz"),
        Sdist("PyWebDAV3", "0.9.14",
              "efab3b820bb19963bc5eaca40086ef632843f0abd5bdb2b4aed150f292979c87",
              "PyWebDAV3-0.9.14.tar.gz"),
        Sdist("papaye", "0.2.2",
              "c8b1fb948476525aeca3b1c5b12fe61a00ff462ced8e14ff9f970d93c9ed3ebe",
              "papaye-0.2.2.tar.gz"),
        Sdist("loggerhead", "2.0.3",
              "fd17938752c9352f5910b8a76fefce89fd13d1697b3a4d72cec6f82f1670d800",
              "loggerhead-2.0.3.tar.gz"),
        Sdist("autogenstudio", "0.4.2.2",
              "1cab6a4148ae7436c91090d5e229d3b02c9add6c8ab449b800b7fcc9204b2675",
              "autogenstudio-0.4.2.2.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave no
        # injection alert: dagster-webserver 1.13.27, aiohttp-devtools 1.1.2 and sparkmagic 0.23.0,
        # the newest of each, with no injection CVE known to me.
        Sdist("dagster_webserver", "1.13.27",
              "375bbb5901b3cfc28b54a8d34fa8b0299e018427652ddee84a1b292a43be1c7c",
              "dagster_webserver-1.13.27.tar.gz"),
        Sdist("aiohttp-devtools", "1.1.2",
              "aae66fc9dd36b6c13e1ca381004dfaa4db6ba0dd50764c8ae3a49c1ed43f9587",
              "aiohttp-devtools-1.1.2.tar.gz"),
        Sdist("sparkmagic", "0.23.0",
              "b61c1c5b05fa5253e59c35f09fd09110f04e80e87e0152c83a3353f41f27e5ad",
              "sparkmagic-0.23.0.tar.gz"),
        # The holdout27 corpus (resolved on 2026-12-07): a fresh sample judged at 0b7eb50, before
        # any fix it prompts, once holdout25 and holdout26 had been judged. Checked and not
        # chosen, since their download failed here: unmanic 0.2.8 (Tornado; its metadata step
        # reads version 'UNKNOWN'), octoprint-dashboard 0.3.3 (its setup.py imports eventlet),
        # dowser-py3 0.2.1 (CherryPy; pypandoc) and jellyfin-accounts 0.3.9 (build dependencies).
        # IdeaPy 0.1.6, datasette-ripgrep 0.8.2, ownfoil 2.5.0 and Cherrydoor 0.8.1 are the newest
        # of their lines; wooey 0.14.0 is not (0.14.1 exists); no injection CVE known to me for
        # any of them.
        Sdist("ideapy", "0.1.6",
              "1bb2bac80fc976a328d91dc88fe8dd4f759295bbefb2532183c10ba16b8d7ad9",
              "ideapy-0.1.6.tar.gz"),
        Sdist("wooey", "0.14.0",
              "0dd8d04ae5b56fc5e4e00e292a86c13671a87e81e03f791f4735af5a8a343482",
              "wooey-0.14.0.tar.gz"),
        Sdist("datasette-ripgrep", "0.8.2",
              "a785627b08f6288f10f0f94dcfe5c40502b6b5614f8fd844f824236e165f3bdf",
              "datasette-ripgrep-0.8.2.tar.gz"),
        Sdist("ownfoil", "2.5.0",
              "e6a403159f982e4f4e59c3eda05bb85193c355fa659c9babd252d28148b177fe",
              "ownfoil-2.5.0.tar.gz"),
        Sdist("Cherrydoor", "0.8.1",
              "a72d2d528da1e7266042d399aaa0ee060f0761ca0f91c00131211793cb40b037",
              "Cherrydoor-0.8.1.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave 2
        # injection alerts: devpi-web 5.1.1 and circus-web 1.0.0, the newest of each, and kvmd
        # 0.10 (PiKVM's daemon, an early release), with no injection CVE known to me.
        Sdist("devpi_web", "5.1.1",
              "8ffcb65a0732b8444d54ab632586a532517c763580f1fdc9b75c5e7c2df9aac0",
              "devpi_web-5.1.1.tar.gz"),
        Sdist("circus-web", "1.0.0",
              "71dd63228aa38f780bd342247f0cbf2155d1f6d2a869b2c3247270f079b1cab0",
              "circus-web-1.0.0.zip"),
        Sdist("kvmd", "0.10",
              "e9203aed1d65d913565f8aa5313255bcac65f5cbb4ff31399fc23983b8c52bbb",
              "kvmd-0.10.tar.gz"),
        # The holdout28 corpus (resolved on 2026-12-07): a fresh sample judged at 2da7b63, before
        # any fix it prompts, once holdout27 had been judged. Checked and not chosen: ledfx 2.0.80
        # (aiohttp; its build dependencies failed to build from source here) and waliki 0.8.1 (not
        # on the index; 0.8 taken). servefile 0.5.4, Flask-Shell2HTTP 1.9.1 and waliki 0.8 are the
        # newest of their lines; agentscope 0.0.4 is an early release with a Flask run viewer (path
        # traversal reports against agentscope's later studio are known to me only from memory and
        # were not checked against 0.0.4, so no CVE is claimed); sqladmin 0.16.0 is not the newest;
        # no injection CVE known to me for the others.
        Sdist("servefile", "0.5.4",
              "5b080683c573e057db5e9ad9af800b4a2681c059ca0ba5537aff2ddfbf1bae00",
              "servefile-0.5.4.tar.gz"),
        Sdist("Flask-Shell2HTTP", "1.9.1",
              "0cd1c91a5289bdc738866cb49972232b052fcbab1bd12fd70cd31a3b33f06125",
              "Flask-Shell2HTTP-1.9.1.tar.gz"),
        Sdist("agentscope", "0.0.4",
              "505b195e47046906810021866f2f5dddf493b6ef4ea2851acbc022f0e4b6b8c3",
              "agentscope-0.0.4.tar.gz"),
        Sdist("waliki", "0.8",
              "b9a55b040602034d8b42ea02c9aa9abbfc828e329e280f6ca7e00b32d512329d",
              "waliki-0.8.tar.gz"),
        Sdist("sqladmin", "0.16.0",
              "1b3e2062cf19adcd70a46edda30674d8a8e94f3bc6e008befc9037195e00785b",
              "sqladmin-0.16.0.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave 4
        # injection alerts: dramatiq-dashboard 0.4.0, ereb 1.1.1 and localshop 0.9.3, the newest
        # of each, with no injection CVE known to me.
        Sdist("dramatiq_dashboard", "0.4.0",
              "e121e346cfce7fe15316952f035360cd8d4c3265d859576be8d4a3142b90f43a",
              "dramatiq_dashboard-0.4.0.tar.gz"),
        Sdist("ereb", "1.1.1",
              "e464f4cde8ede7d4f0088f7c347d8ac4f14715b3df2aca57687c01e97a182400",
              "ereb-1.1.1.tar.gz"),
        Sdist("localshop", "0.9.3",
              "869b50e557842eda7dd334a0793d6d2ab73d726ff53bd44316bbdaf6e3e02ffa",
              "localshop-0.9.3.tar.gz"),
        # The holdout29 corpus (resolved on 2026-12-07): a fresh sample judged at 035bb59, before
        # any fix it prompts, once holdout28 had been judged. pasttle 0.10.0, livereload 2.7.1,
        # qr-filetransfer 2.7, django-summernote 0.8.20.0 and airflow-code-editor 8.3.2 are the
        # newest of their lines, with no injection CVE known to me.
        Sdist("pasttle", "0.10.0",
              "3c6023598c00657053ecb485e8aea8e3a8d3868e24ea6723d61fdeb51af65dfe",
              "pasttle-0.10.0.tar.gz"),
        Sdist("livereload", "2.7.1",
              "3d9bf7c05673df06e32bea23b494b8d36ca6d10f7d5c3c8a6989608c09c986a9",
              "livereload-2.7.1.tar.gz"),
        Sdist("qr-filetransfer", "2.7",
              "aec885578c3dcfb851fec0a198c1b7e8da0dc1ec276033337e7b36b3b6bf8f41",
              "qr-filetransfer-2.7.tar.gz"),
        Sdist("django-summernote", "0.8.20.0",
              "52e9b12438ed9eac0d77729f758f2aae06e468b5cbce133e24100d58ae4e43a8",
              "django-summernote-0.8.20.0.tar.gz"),
        Sdist("airflow_code_editor", "8.3.2",
              "cdd4a12bf292c53fb93bd7d995864b631aa8cfcb934d93ceffb1a1e66c81938e",
              "airflow_code_editor-8.3.2.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave no
        # injection alert: aiohttp-debugtoolbar 0.6.1 and kedro-viz 12.5.0, the newest of each,
        # and kinto-attachment 8.0.0 (pip resolved it so, the newest sdist it accepts here; 9.x
        # exists), with no injection CVE known to me.
        Sdist("aiohttp-debugtoolbar", "0.6.1",
              "cd7ae54c600db7ae7d9dc3404b81f95209a6367df1d59e13ea20f9926e36e001",
              "aiohttp-debugtoolbar-0.6.1.tar.gz"),
        Sdist("kedro_viz", "12.5.0",
              "d107ef009f3f813d73e202f21579f20248f83adb3bafa57f8d19ab5ca0ac947b",
              "kedro_viz-12.5.0.tar.gz"),
        Sdist("kinto_attachment", "8.0.0",
              "6cc21775f8b05951cb7cfc77016fd54955874f3b7a45b17791530b872ef17ca0",
              "kinto_attachment-8.0.0.tar.gz"),
        # The holdout30 corpus (resolved on 2026-12-07): a fresh sample judged at 9046941, before
        # any fix it prompts, once holdout29 had been judged. bugsink 1.7.3 is the last release of
        # its line before the fix of CVE-2025-54433 (GHSA-q78p-g86f-jg6q, a path traversal through
        # the ingested event_id, fixed in 1.7.4); timesketch 20261014, ivre 0.9.20,
        # skyline-apiserver 9.0.0 and prusalink 0.8.1 are the newest of their lines, with no
        # injection CVE known to me.
        Sdist("bugsink", "1.7.3",
              "643d526c209c6d45e1d18914cca4d2c66d1066975d8bf22a0edd10c89b3727b4",
              "bugsink-1.7.3.tar.gz"),
        Sdist("timesketch", "20261014",
              "33b0ea23fa4fdaed0c96ccbb3feeb0d6707412893cd8d7947a8c4c3fc2eb54a2",
              "timesketch-20261014.tar.gz"),
        Sdist("ivre", "0.9.20",
              "3d18add90374c8d1fc4770c3a8bf3adea72683f889547d593a67b760bc6c4f1a",
              "ivre-0.9.20.tar.gz"),
        Sdist("skyline_apiserver", "9.0.0",
              "96ab578d98bf85bf669519d171238b609503b974eb6de5b256625d23a5c51f29",
              "skyline_apiserver-9.0.0.tar.gz"),
        Sdist("prusalink", "0.8.1",
              "7c27f097df2463cbd22f9a425686c9305061dc7b59f4f00e9f75596b223e32d9",
              "prusalink-0.8.1.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave one
        # injection alert: aird 0.5.8, pyramid-oereb 2.6.0 and ytdl-server 1.2.1, the newest of
        # each, with no injection CVE known to me. Checked and not chosen: anki-sync-server 2.4.0
        # and streamlit 1.11.0 (their sdists failed to prepare under pip download here), albula
        # 0.5.4 and beetkeeper 0.12.1 (no sdist fetched), filebrowser 1.2.0 and liteshort 1.3.0
        # (too small).
        Sdist("aird", "0.5.8",
              "7cf062dd6f372a7e8eb5172a0df17a260a4ae598395e4b6db3137efa6619dc22",
              "aird-0.5.8.tar.gz"),
        Sdist("pyramid_oereb", "2.6.0",
              "7631b6d3bdd50dbe16925d19179f1be261e18b340ffeea0e64add22d92bc98fe",
              "pyramid_oereb-2.6.0.tar.gz"),
        Sdist("ytdl_server", "1.2.1",
              "7be315144fc985dad1b53e8dd5d3eb6b62024e4262682b9f60d41b7a003e7ea3",
              "ytdl_server-1.2.1.tar.gz"),
        # The holdout31 corpus (resolved on 2026-12-07): a fresh sample judged at 87dfb42, before
        # any fix it prompts, once holdout29 had been judged (built beside holdout30, with apps
        # whose names start with n to z). temboz 4.12, Wikked 0.8.1, pypi-server 0.4.8,
        # nitrate-tcms 4.13 and pgs 0.1.4 are the newest of their lines, with no injection CVE
        # known to me. Checked and not chosen: onionshare-cli 2.3.3 (2.4, the last before the
        # fixes of January 2022, is not on the index; 2.3.3's sdist failed to prepare under pip
        # download here, its poetry build dependencies do not build from source).
        Sdist("temboz", "4.12",
              "ff1858a458c59dc67069efb82dd0141ea1272088372c93dc3b54685ef42b1594",
              "temboz-4.12.tar.gz"),
        Sdist("Wikked", "0.8.1",
              "32b3d932c3698f2f938d986a9e4c41b5fd7c78be33926420cccd40a842e9abf7",
              "Wikked-0.8.1.tar.gz"),
        Sdist("pypi-server", "0.4.8",
              "aa52c8a80ba57e231a95e53c8a58191f7a5c82b3ae04676e23a809569cc809f8",
              "pypi-server-0.4.8.tar.gz"),
        Sdist("nitrate-tcms", "4.13",
              "e0b99ba7c292d40248bbe28ed8d9eaa596862b7799369deebd71222b737716ee",
              "nitrate-tcms-4.13.tar.gz"),
        Sdist("pgs", "0.1.4",
              "66f021f8357073a26eea6b4a9f55ab210d8624ca19b4923aff580f62332e19f6",
              "pgs-0.1.4.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave two
        # injection alerts: webp3 1.5.1, rqmonitor 1.0.6 and paper-feeds 0.0.5, the newest of
        # each, with no injection CVE known to me. Checked and not chosen: terracotta 0.10.1 (its
        # sdist failed to prepare under pip download here) and reader 3.27 (no sdist of it here).
        Sdist("webp3", "1.5.1",
              "e177709b81eb107812cd0d6da7e50516838e85ee9d40395c9001b6b462ec32a2",
              "webp3-1.5.1.tar.gz"),
        Sdist("rqmonitor", "1.0.6",
              "739530db964f4c6fb0676a280539f5b385eaffbb1b7852c248e9f139bf231afe",
              "rqmonitor-1.0.6.tar.gz"),
        Sdist("paper_feeds", "0.0.5",
              "80c51d7fff7970cd8471a72199041cbf97b66a32d37f72c762007a2ca20d7d32",
              "paper_feeds-0.0.5.tar.gz"),
        # The holdout32 corpus (resolved on 2026-12-07): a fresh sample judged at 6f1c404, before
        # any fix it prompts. buildbot 4.3.0, papermerge-core 2.0.2 (the newest pip accepts here),
        # knowledge-repo 0.9.3, appenlight 2.0.0rc1 and moonraker 0.11.0 are the newest of their
        # lines, with no injection CVE known to me. Checked and not chosen: buildbot 1.8.0, the
        # last before the fix of CVE-2019-7313 (CRLF injection through the redirect parameter of
        # /auth/login and /auth/logout, fixed in 1.8.1; its setup.py imports pkg_resources, which
        # pip's build environment lacks here), indico 3.x (no sdist on the index), modoboa 2.12.0
        # and 2.0.5 (their sdists failed to prepare under pip download here), netbox 4.7,
        # cylc-uiserver 1.10 and gpt-researcher 0.16 (they need Python >= 3.12), binderhub 0.1.0
        # and mautrix-facebook 0.5.1 (their sdists failed to prepare) and intelmq-api 3.1.0 (too
        # small).
        Sdist("buildbot", "4.3.0",
              "cbf46a15004bb1229712285e4f2b98163a169868ea00783e5e0d7cf8d5e8d962",
              "buildbot-4.3.0.tar.gz"),
        Sdist("papermerge-core", "2.0.2",
              "0ae18e5273fcb34cb120a44c6bdd0fb8d03cd48417445339f230ea4a73879a45",
              "papermerge-core-2.0.2.tar.gz"),
        Sdist("knowledge_repo", "0.9.3",
              "882932b639e1f32cb0634d50f0812d5f701323adbf123a458b173b8514b66d09",
              "knowledge_repo-0.9.3.tar.gz"),
        Sdist("appenlight", "2.0.0rc1",
              "4cdda121dacbd5a528a94d99ed73db72e8781ad17123fd1b1b6405366a7d782f",
              "appenlight-2.0.0rc1.tar.gz"),
        Sdist("moonraker", "0.11.0",
              "702c24761e9e9675d3bb6612eb4d2305ff93246b5f115efeff3458f52729cefe",
              "moonraker-0.11.0.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave six
        # injection alerts (five of them in one app): lightrag-hku 1.5.7 and ara 1.8.0, the
        # newest of each, with no injection CVE known to me, and swift 2.30.0, the last of its
        # line before the fix of CVE-2022-47950 (the s3api's XML parser resolved external
        # entities, so an authenticated user could read the server's files; fixed in 2.30.1).
        Sdist("lightrag_hku", "1.5.7",
              "4d2cbb3f983b2bec209f4f154845869fc9e5800a7a2a9bb7005ba7610f4fbe0a",
              "lightrag_hku-1.5.7.tar.gz"),
        Sdist("swift", "2.30.0",
              "62dc6cee15906bb89a0629ceda78625e136fa3b96cba19833e7a84d4aeb60b99",
              "swift-2.30.0.tar.gz"),
        Sdist("ara", "1.8.0",
              "3579c8a80b6ce1b08bdbb557418cf0e12971ba6b8734158f7502b5a2bcd850c0",
              "ara-1.8.0.tar.gz"),
        # The holdout33 corpus (resolved on 2026-12-07): a fresh sample judged at 6f1c404, before
        # any fix it prompts, once holdout31 had been judged (built beside holdout32, with apps
        # whose names start with n to z). omero-web 5.33.2, rucio 41.5.1 (after the old WebUI's
        # XSS fixes of February 2026), stalker_pyramid 0.3.1, tvb-framework 2.10.0 and
        # tahoe-lafs 1.20.0 are the newest of their lines, with no open injection CVE known to me.
        # Checked and not chosen: nbgrader 0.9.6 (and 0.9.5, 0.9.3, 0.9.1: their sdists failed to
        # prepare under pip download here, a build dependency, python-sbom, not on the index),
        # udata (no sdist of it here), vantage6-server 4.15.2 (its sdist failed to prepare) and
        # shuup 3.1.0 (not on the index here).
        Sdist("omero_web", "5.33.2",
              "909238479ae53b4073afa34461e77a52d46a075d5e5d72bd2d51a9a5b9dcd9c9",
              "omero_web-5.33.2.tar.gz"),
        Sdist("rucio", "41.5.1",
              "e924c070c7fb5324f312b9b880b9f70c4ebc538e7a9a610857bb11169e8cbd55",
              "rucio-41.5.1.tar.gz"),
        Sdist("stalker_pyramid", "0.3.1",
              "fc759bb5f11ab645a93c2f1885297983c632bda2d5bf4a2c073b5f95837b182d",
              "stalker_pyramid-0.3.1.tar.gz"),
        Sdist("tvb_framework", "2.10.0",
              "02dcb79a0c83c7a9f3ce69eaa17ca2f7136b3e0de17b58e90eb679cf889c2422",
              "tvb_framework-2.10.0.tar.gz"),
        Sdist("tahoe_lafs", "1.20.0",
              "d121fab784c8ada895d7463ef80e65697e295aa6c44f509a3dce4013ca6f5768",
              "tahoe_lafs-1.20.0.tar.gz"),
        # The holdout34 corpus (resolved on 2026-12-07): a fresh sample judged at c10a399, before
        # any fix it prompts, once holdout32 and holdout33 had been judged. mindsdb 25.14.1 is the
        # last release that the advisory of CVE-2026-2531 names as affected (an SSRF it places in
        # the file upload's clear_filename(); CVE-2026-7711 and CVE-2026-7712, BYOM's exec() and
        # pickles, name every release here), matrix-synapse 1.84.1 the last before the fix of
        # CVE-2023-32683 (the URL preview's url_preview_url_blacklist was not applied to oEmbed and
        # image URLs, fixed in 1.85.0); tailbone 0.23.2, nemo-ce 8.1.5 and dstack 0.22.5 are the
        # newest of their lines, with no injection CVE known to me. Checked and not chosen:
        # geonode 4.1.2, before the fix of CVE-2023-40017 (no sdist of any 3.x or 4.x release on
        # the index), consoleme 1.4.0 and elyra 4.1.1 (their sdists failed to prepare under pip
        # download here).
        Sdist("mindsdb", "25.14.1",
              "69d3864bc73ab1d885dce22c90391d6ba6a4e87edf59b7e9d04d8a2e7733b471",
              "mindsdb-25.14.1.tar.gz"),
        Sdist("tailbone", "0.23.2",
              "b4f2b110d0ce4a35c9ff84c86f28d7bcfc150794f6ebc11c2f692f4b6366cd4e",
              "tailbone-0.23.2.tar.gz"),
        Sdist("nemo_ce", "8.1.5",
              "88eaab2b68cf6cfe9dcc8166e266c4321d8b542e4c1b277988372a6be566e9e1",
              "nemo_ce-8.1.5.tar.gz"),
        Sdist("dstack", "0.22.5",
              "685f43d67861531116ef923b925ce9d3ac39565b084b560356c41b4d5bcec319",
              "dstack-0.22.5.tar.gz"),
        Sdist("matrix_synapse", "1.84.1",
              "00e06eccba61a740295094678f72b28a044e8c19e81bf340be894d25b6265a37",
              "matrix_synapse-1.84.1.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave three
        # injection alerts: squad 1.98, monasca-api 11.0.0 and pantalaimon 0.10.5, the newest of
        # each, with no injection CVE known to me.
        Sdist("squad", "1.98",
              "61014dfae05644e64d836ccdbb1740014d6e94a6dca23a9ed79f91035cd4ba9e",
              "squad-1.98.tar.gz"),
        Sdist("monasca-api", "11.0.0",
              "e5071f7392aa9fad6d4f5dd9add5b0e09cb663a63532e1effa783107d29690f3",
              "monasca-api-11.0.0.tar.gz"),
        Sdist("pantalaimon", "0.10.5",
              "98fadeb9966295b99e3cf82c5b6006a22c6a2518d6b2db4efa1afc216078c5b7",
              "pantalaimon-0.10.5.tar.gz"),
        # The holdout35 corpus (resolved on 2026-12-07): a fresh sample judged at d3c262e, before
        # any fix it prompts, once holdout34 had been judged (built beside holdout36, which took
        # frameworks other than Django and Flask). kolibri 0.19.5, nettacker 0.4.1, platypush
        # 1.3.39 and galaxy-ng 4.9.2 are the newest of their lines, fava 1.30.14 the newest whose
        # sdist prepares here (1.30.15's and 1.30.16's build step fails on setuptools_scm), with no
        # injection CVE known to me. Checked and not chosen: pgadmin4 9.1, the last before the fix
        # of CVE-2025-2945 (no sdist of it on the index), pyload-ng 0.5.0b3.dev88 (its setup
        # imports pkg_resources, which pip's build environment lacks here), weblate 5.14.3 and
        # 5.0.2 (a build dependency, maturin, fails to build without the crates index) and
        # hiddifypanel 10.80.11 (its Poetry configuration fails to validate).
        Sdist("kolibri", "0.19.5",
              "d32efa0dc0fb50866ae644ea4d7d4ef4f90248f63aca7fba225073a0d2310a34",
              "kolibri-0.19.5.tar.gz"),
        Sdist("nettacker", "0.4.1",
              "197d34740e2601de83d5973b857253c3a91517b0acb77bc5fb7a7352538bfb6d",
              "nettacker-0.4.1.tar.gz"),
        Sdist("platypush", "1.3.39",
              "c897b6e2a978fd945151e901c40d80ad7910e69e56a4f9230e0c31ee708022a9",
              "platypush-1.3.39.tar.gz"),
        Sdist("fava", "1.30.14",
              "89999c130c80ffaf37d9507a44ed88b376abf94bff4669f5bf8f5e3f710c17ca",
              "fava-1.30.14.tar.gz"),
        Sdist("galaxy-ng", "4.9.2",
              "ea582ac23a4c3f423ee31006a1cc4ecc7bc4963376d3f6f28ef70a406e9f7c16",
              "galaxy-ng-4.9.2.tar.gz"),
        # Added as a second group, chosen before it was scanned, because the first five gave five
        # injection alerts: PsiTurk 3.2.0, the last before the fix of CVE-2021-4315 (the `mode`
        # query parameter pasted into a page's template source, fixed in 3.2.1), byro 2023.1.0
        # and openwisp-controller 1.3.2, the newest of each, with no injection CVE known to me.
        Sdist("PsiTurk", "3.2.0",
              "9ac1744cc5e79247c5fed57763b5e128bc15c016c68558b66ad60614576e711c",
              "PsiTurk-3.2.0.tar.gz"),
        Sdist("byro", "2023.1.0",
              "01921520a882d4247e887f1305f428fb537354b2acecfa3ab77463590d88dac6",
              "byro-2023.1.0.tar.gz"),
        Sdist("openwisp_controller", "1.3.2",
              "a8dbee7f41b3d046f1a04b9af0a1d9d2996f846d8e8a0ff56185952d3dce9310",
              "openwisp_controller-1.3.2.tar.gz"),
        # The holdout36 corpus (resolved on 2026-12-07): a fresh sample judged at d3c262e, before
        # any fix it prompts, once holdout34 had been judged (built beside holdout35, which took
        # Django and Flask apps; this one took other frameworks). crossbar 26.10.1, zaqar 23.0.1,
        # dbgpt-app 0.8.2, evidently 0.7.23 and wuttaweb 0.36.2 are the newest of their lines,
        # with no injection CVE known to me. Checked and not chosen: dbgpt 0.6.3 (its sdist holds
        # the core library, not the web app), TileStache 1.51.14 (its setup.py imports
        # pkg_resources), pyff 3.0.0 and 2.1.7 and jupyter-scheduler 2.12.0 (their build
        # dependencies failed to install here), langchain-chatchat 0.3.1.3 (its sdist failed to
        # prepare) and freezer-api 19.0.0 (fetched, but a second Falcon API).
        Sdist("crossbar", "26.10.1",
              "b43a83b2c20757d3053979cb68cd058bd484684bc39cd6be9803719d2dae1f02",
              "crossbar-26.10.1.tar.gz"),
        Sdist("zaqar", "23.0.1",
              "ceba22df8c40c8a76001de446ba1c713fd2f0c5ab92a159d0ac6ef5a64f64284",
              "zaqar-23.0.1.tar.gz"),
        Sdist("dbgpt_app", "0.8.2",
              "a179d866e2467b8a85209105c9f03913decc8a26f8cf63c502f86e55f332d510",
              "dbgpt_app-0.8.2.tar.gz"),
        Sdist("evidently", "0.7.23",
              "90ed736a85581c46410647dd3c1c957531c77231bb415e1021512238b12d5870",
              "evidently-0.7.23.tar.gz"),
        Sdist("wuttaweb", "0.36.2",
              "08c87e6dd53bc7cbd339b26e30b0a31b078aa247bd7a5464decacb1a2996357d",
              "wuttaweb-0.36.2.tar.gz"),
        # Added one by one, each chosen before it was scanned, because the first five gave eight
        # injection alerts (all in dbgpt-app): letta 0.16.8 (the newest release with an sdist).
        Sdist("letta", "0.16.8",
              "363e26989e552c859ce2e7961d484acee6fccfc1e7b16e8f644b1ae1ccd754a3",
              "letta-0.16.8.tar.gz"),
        # Then, because letta gave no injection alert: comfyui-manager 4.3 and cashu 0.21.0, the
        # newest of each.
        Sdist("comfyui_manager", "4.3",
              "1ad7f30d8058e2c0eb1d6a8e92d9fb2ce76c935ec16507f998645ea0cdf29555",
              "comfyui_manager-4.3.tar.gz"),
        Sdist("cashu", "0.21.0",
              "5181691c7c651cf1d18ad435c0f81dcb4c60b46f791fd33a5cb579f31f5faa5d",
              "cashu-0.21.0.tar.gz"),
        # The holdout37 corpus (resolved on 2026-12-07): a fresh sample judged at 7c4f9ae, before
        # any fix it prompts, once holdout35 and holdout36 had been judged (built beside holdout38,
        # which took frameworks other than Django and Flask; this one took Django and Flask apps).
        # patchman 4.0.21, noggin-aaa 1.11.0, odcs 0.9.2 and tomtoolkit 3.1.0 are the newest of
        # their lines and OpenREM 0.10.0 the newest on the index, with no injection CVE known to
        # me. Checked and not chosen: wirecloud 1.3.1, amundsen-frontend 4.3.0 and uffd 2.4.1
        # (their setup.py failed under pip download), adagios 1.6.6 (a Python 2 setup.py),
        # dejacode 5.0.0 (its sdist has no setup.py or pyproject.toml), cuckoo 2.0.7 and cabot
        # 0.11.12 (their sdists failed to prepare), saleor 2.10.1 (Python 3.8 only) and datagrepper
        # 1.1.0 (fetched, but under 2,000 lines).
        Sdist("patchman", "4.0.21",
              "96a7164170b9fa2147b2f712f5fbc284f95dc42b6429126488724414c97f9696",
              "patchman-4.0.21.tar.gz"),
        Sdist("noggin_aaa", "1.11.0",
              "10c868398363c85bd2e28c3f22cc9e3a4aa06b049e8640454cb726ab98600f0f",
              "noggin_aaa-1.11.0.tar.gz"),
        Sdist("OpenREM", "0.10.0",
              "2fb6be2a42b0355e5d57cb5f4a7750806e202aa2e8f41b4f7bf26439dd862dbb",
              "OpenREM-0.10.0.tar.gz"),
        Sdist("odcs", "0.9.2",
              "22e6e8206e9d50ae07dc61bec4887329a559999270cea41e785ed452f65c428a",
              "odcs-0.9.2.tar.gz"),
        Sdist("tomtoolkit", "3.1.0",
              "022f15c27fe617f22133c586a10dedcd9731dd0eb867a8021e362978803d0db9",
              "tomtoolkit-3.1.0.tar.gz"),
        # Added together, each chosen before it was scanned, because the first five gave five
        # injection alerts: moin 2.0.0b5 (the newest of MoinMoin 2), module-build-service 3.9.2
        # (the newest) and vulnerablecode 36.1.3 (the newest pip accepts here; later releases need
        # a newer Python), with no injection CVE known to me; django-lfs 0.11 was fetched too, but
        # not chosen (a 2017 shop, older than the rest).
        Sdist("moin", "2.0.0b5",
              "fbd85056482f82dda841bd2e4e959854347e7b1783cad7fac0e61e588eef53c8",
              "moin-2.0.0b5.tar.gz"),
        Sdist("module-build-service", "3.9.2",
              "62b1d629b0202f90e077d84c25dc6201b0b73af40c983da6855436d826293a40",
              "module-build-service-3.9.2.tar.gz"),
        Sdist("vulnerablecode", "36.1.3",
              "92979b0de11b9d60e8275868f5ad9fc7fecc62eabafd2b501162b92a2ae35fdc",
              "vulnerablecode-36.1.3.tar.gz"),
        # The holdout38 corpus (resolved on 2026-12-07): a fresh sample judged at 7c4f9ae, before
        # any fix it prompts, once holdout36 had been judged (built beside holdout37, which took
        # Django and Flask apps; this one took other frameworks). litellm 1.83.6 is the last
        # before 1.83.7's fixes of CVE-2026-42208 (SQL injection in the proxy's API key check) and
        # CVE-2026-42203 (template injection in /prompts/test); homeassistant 2023.8.4 the last
        # before 2023.9.0's security fixes (add-on names formatted into Supervisor API paths among
        # them); openhands-ai 0.9.8 the newest release with an sdist; mercurial 7.2.4 and bgmi
        # 4.5.1 the newest, with no injection CVE known to me. Checked and not chosen: voila 0.5.5
        # and jupyter-server-proxy 3.2.0, the last before CVE-2024-30265 and CVE-2022-21697 (their
        # build dependencies failed to install here), rasa 3.6.20, the last before CVE-2024-49375
        # (it needs Python < 3.11), cobbler 3.2.2 (its setup imports setuptools' dep_util),
        # mitmproxy 11.1.1 (no sdist on the index), bodhi-server 26.4.0 (pip fails on a legacy
        # requirement specifier), sickrage 10.0.71 (its setup imports pkg_resources), unmanic
        # 0.4.1 and streamlit 1.11.0 (their build step failed), nbdime 3.1.0 (a build dependency
        # is not on the index) and open-webui (its build runs npm, which fails without the
        # network).
        Sdist("litellm", "1.83.6",
              "5e50efd1f38dceaf8ed0c1713f991fbbf534453bf14b10e580610e4c2197365e",
              "litellm-1.83.6.tar.gz"),
        Sdist("homeassistant", "2023.8.4",
              "32edc3c82b45fdb4eb4ef44a3cb54419265f599ac5ed0432fd9bc18b92081f7b",
              "homeassistant-2023.8.4.tar.gz"),
        Sdist("openhands_ai", "0.9.8",
              "4b97381b276c5135d8d8eae34e44a8d0adb54b0d7a2c86bf7779e6422b3b9f5a",
              "openhands_ai-0.9.8.tar.gz"),
        Sdist("mercurial", "7.2.4",
              "85839e0f39e6cb893a88932aa36ef661759f3c5c5de4551ad26bd9df53cb71a2",
              "mercurial-7.2.4.tar.gz"),
        Sdist("bgmi", "4.5.1",
              "26f0250124ea4e13f2dc227aa548f021a1c21d4a21398d220f7e4d3343676ff7",
              "bgmi-4.5.1.tar.gz"),
        # The holdout39 corpus (resolved on 2026-12-07): a fresh sample judged at ea77bd1, before
        # any fix it prompts (built beside holdout40). All five are the newest releases with an
        # sdist, with no injection CVE known to me. Checked and not chosen: pagure and
        # mirrormanager2 (no sdist on the index), pootle and django-cas-server (pip failed to
        # prepare their legacy setup), pybossa, beaker-server, sentry, searxng, terracotta and
        # kanmail (no usable sdist on the index, or its build step failed).
        Sdist("rdmo", "2.5.2",
              "3782d5ad165e5470e39d6bcd99cbeb4d047a8575f00dd177b2c9b9a7bf37e63a",
              "rdmo-2.5.2.tar.gz"),
        Sdist("openwisp_radius", "1.3.3",
              "05e48d29223c0743c14d6618fcdbb1ce361168655ddbf54fdcd73b25eed60282",
              "openwisp_radius-1.3.3.tar.gz"),
        Sdist("maildump", "0.5.4",
              "7b994bf28c7179b60f005978214faa1046d9489a983a70711f64f873c5b9db08",
              "maildump-0.5.4.tar.gz"),
        Sdist("locust", "2.47.0",
              "70ffe28cdb7a3224a4efb60b31d585c26343d5679fec8d5b18017ffb6893b423",
              "locust-2.47.0.tar.gz"),
        Sdist("evennia", "5.0.1",
              "3aad369fba4414f1327c329a7eb5bafe02af65b2cf4ed6dd2b820f4f0985556e",
              "evennia-5.0.1.tar.gz"),
        # The holdout40 corpus (resolved on 2026-12-07): a fresh sample judged at ea77bd1, before
        # any fix it prompts, once holdout38 had been judged (built beside holdout39), frameworks
        # other than Django and Flask. distributed 2021.9.1 is the last before 2021.10.0's fix of
        # CVE-2021-42343 (the LocalCluster bound to every interface); arelle-release 2.47.3, irrd
        # 4.5.4, jasmin 0.11.1 and channelstream 0.7.1 the newest, with no injection CVE known to
        # me. Checked and not chosen: lollms 9.5.1 and 9.3.0 (their setup reads a requirements.txt
        # the sdist lacks).
        Sdist("distributed", "2021.9.1",
              "f4deb96a9dbef5b04ad030ab905dfed71b893d79a368bd5787b21268b4ed5ff8",
              "distributed-2021.9.1.tar.gz"),
        Sdist("arelle_release", "2.47.3",
              "75064a2d0de1a3e3e724633bc581b1d1e3fb4327ee15cebff455c01c023cbfa5",
              "arelle_release-2.47.3.tar.gz"),
        Sdist("irrd", "4.5.4",
              "2482ba35da98a284c71a81b8e424f116bcb35d395a8bc19aeb05155ba03e2fbd",
              "irrd-4.5.4.tar.gz"),
        Sdist("jasmin", "0.11.1",
              "6edd75f3570891e56b95bf6401790b6f7ee89a1c5ecd433da923871b7a5984c4",
              "jasmin-0.11.1.tar.gz"),
        Sdist("channelstream", "0.7.1",
              "fbd82819ea58812ac92d68e9df9f7290f8a51846f3566876a1ad44b51b1d52ea",
              "channelstream-0.7.1.tar.gz"),
        # The holdout41 corpus (resolved on 2026-12-07): a fresh sample judged at d53e4b3, before
        # any fix it prompts, once holdout39 and holdout40 had been judged (built beside holdout42).
        # All five are the newest releases with an sdist, with no injection CVE known to me.
        # Checked and not chosen: nipap, nipap-www, music-assistant, 0bin and quetz (no sdist found
        # on the index here), piccolo-admin (its build step failed).
        Sdist("otree", "6.0.15",
              "928e649cbad2fa6200e49c8d7cae2ee2ec87e0c2fa3bcfd59d1a0df5fc66dc2a",
              "otree-6.0.15.tar.gz"),
        Sdist("tipg", "1.6.1",
              "86fe3989969b6464abf3b5b5a54fd2e0744bb1b9cfda63f65ae2c481c995e04d",
              "tipg-1.6.1.tar.gz"),
        Sdist("INGInious", "0.9.2",
              "dcfdd96171a7ad2a059549ce78bfa9e4bd7171ceea931581912312349cfcf43f",
              "inginious-0.9.2.tar.gz"),
        Sdist("beets", "2.14.1",
              "b25dc7bf8ed093d8b6e043e88013736902c1082c958b81a598af5db5275539a5",
              "beets-2.14.1.tar.gz"),
        Sdist("SpiderKeeper", "1.1.0",
              "69f6ac9a82cbc4dcd3246cfb494d603ff25ddddb9be9d111d5594d628365b27f",
              "SpiderKeeper-1.1.0.tar.gz"),
        # Then, because those five gave two injection alerts: tiled 0.2.20 and fief-server 0.27.0,
        # the newest; jupyterlab-git 0.55.0, the newest (0.50.0, the last before 0.50.1's fix of
        # a command injection through a repository's name in the front end's "open in terminal",
        # as I recall it, failed to build here).
        Sdist("tiled", "0.2.20",
              "b7d977c9a02dcea5506e7ba738e675ae767689b93e91fecff1175f67d09c55d0",
              "tiled-0.2.20.tar.gz"),
        Sdist("fief_server", "0.27.0",
              "8b4784b23579e34cc744cebe0a31f7b8d244dee612c0d36ccceb5ba2eaaa00b3",
              "fief_server-0.27.0.tar.gz"),
        Sdist("jupyterlab_git", "0.55.0",
              "b631ee1476aa9d9c7dc1bc3909593dfbc788ca1fd04e079d21d7688ecfc1d0d7",
              "jupyterlab_git-0.55.0.tar.gz"),
        # The holdout42 corpus (resolved on 2026-12-07): a fresh sample judged at d53e4b3, before
        # any fix it prompts, once holdout39 and holdout40 had been judged (built beside
        # holdout41). All five are the newest releases with an sdist, with no injection CVE known
        # to me. Checked and not chosen: koji 1.35.0 (its sdist holds the library and command
        # line, not the hub or the web UI), mdapi 3.1.7 (pip failed to prepare its metadata) and,
        # for the second group, castmail2list 0.10.4 (its build step failed).
        Sdist("ipsilon", "3.1.0",
              "a012a67b4163450f0314d3bc7b5ec4a29076cf2ab0fdb9ef4b431a31aaa1d829",
              "ipsilon-3.1.0.tar.gz"),
        Sdist("PyScada", "0.8.0",
              "634e8afe0dddf407710636b8c7869c5167656b35c7bf51917e02e9069c2dc979",
              "PyScada-0.8.0.tar.gz"),
        Sdist("django_crm_admin", "3.1.0",
              "3de2268c9364b5f85a3b907261c74f226e5a286dcd45be640eb3e4b2c2eb7bcc",
              "django_crm_admin-3.1.0.tar.gz"),
        Sdist("magic-folder", "24.3.0",
              "96f0a7d258bfffb28c07af7b3cea19f8558e9df2919b03b9381941694df9ee4f",
              "magic-folder-24.3.0.tar.gz"),
        Sdist("django_ca", "3.2.0",
              "d631b2c91d27b0fd362db1197a4712703caa1bdce52b935c8e1b61e6c3984c07",
              "django_ca-3.2.0.tar.gz"),
        Sdist("ashley", "1.3.1",
              "5c9aaf82645499f352957345e86371e82fdfea904dea9d9d37fa43bb06ee2e6e",
              "ashley-1.3.1.tar.gz"),
        Sdist("openwisp_network_topology", "1.3.1",
              "7b25cb60eb987f52f36a3aec0491703df4deea2e5bda7fc60dd94296c1dba9c3",
              "openwisp_network_topology-1.3.1.tar.gz"),
        Sdist("bemserver_ui", "0.10.0",
              "1d84eed2faba508a1fd20d7cf3182d4e6845cd37bcd2a8fbc4fddb2118fc1d46",
              "bemserver_ui-0.10.0.tar.gz"),
        # The holdout43 corpus (resolved on 2026-12-07): a fresh sample judged at b4dc3f5, before
        # any fix it prompts, once holdout41 and holdout42 had been judged (built beside
        # holdout44). All five are the newest releases with an sdist that pip prepares here, with
        # no injection CVE known to me for those versions. Checked and not chosen: weblate 4.11
        # (the last before CVE-2022-23915's fix) and 5.14.3, jupyter-server-proxy 3.2.0 (the
        # last before CVE-2022-21697's fix) and django-machina 1.3.1 (their build dependencies
        # failed to install), pyload-ng 0.5.0b3.dev30, dev78 and dev101 (the archive's metadata
        # gives another version, or its setup needs pkg_resources), bodhi-server 26.4.0 (pip
        # rejects a requirement in its metadata).
        Sdist("django_cms", "5.1.3",
              "80c50fc44cffa2cae28f4b8d841b7f48bd5ded9c88e493096b6e2235ba94d3ca",
              "django_cms-5.1.3.tar.gz"),
        Sdist("substanced", "1.0.post1",
              "2385b38b07ec724469d00162dbf0f08f0a2904ad7a1c63159734a61840a3f335",
              "substanced-1.0.post1.tar.gz"),
        Sdist("freezer_api", "19.0.0",
              "2726639339186e7f4425833df060ca831942ec6ea6917bdb0ea905289a77c586",
              "freezer_api-19.0.0.tar.gz"),
        Sdist("querysource", "5.2.5",
              "06318032da1d2e9d3fbdb4f762f7f4c40299027dabf63e5354047dc005b225d4",
              "querysource-5.2.5.tar.gz"),
        Sdist("cobbler", "3.3.10",
              "8897c0117b2f50da2a4d8a29597945c68dd803d2a073c30e7887f22e68f6dff7",
              "cobbler-3.3.10.tar.gz"),
        # Then, because those five gave two injection alerts: openwisp-monitoring 1.3, mwdb-core
        # 2.20.0 and django-ledger 0.8.5, the newest, with no injection CVE known to me.
        Sdist("openwisp_monitoring", "1.3",
              "fd61c2d24b4f82c4ff45a71744148efa3a9750a16af5bd47fb492813260a8faa",
              "openwisp_monitoring-1.3.tar.gz"),
        Sdist("mwdb_core", "2.20.0",
              "be2c06bdeed872a7f763ca4f0f23957c2f5e311fb41242f099d9ec69c4adeaba",
              "mwdb_core-2.20.0.tar.gz"),
        Sdist("django_ledger", "0.8.5",
              "093607864da802df7d6ac6985dd53a87db35b2307cb241dfd4d12d2970884420",
              "django_ledger-0.8.5.tar.gz"),
        # The holdout44 corpus (resolved on 2026-12-07): a fresh sample judged at b4dc3f5, before
        # any fix it prompts, once holdout41 and holdout42 had been judged (built beside
        # holdout43). ethyca-fides 2.22.0 is the last before 2.22.1's fix of CVE-2023-46124 (SSRF
        # through an uploaded custom integration, as I recall it); the other four are the newest
        # releases with an sdist, with no injection CVE known to me. Checked and not chosen:
        # open-webui 0.6.34 (its build step runs npm, which failed), nbdime 3.1.0 (its build
        # dependencies failed to install), LinOTP (2.11.1, a Python 2 Pylons app, is the newest on
        # the index), skyvern 1.0.56 and xinference 4.1.0 (fetched; over 500,000 lines each,
        # mostly generated clients and vendored model code), newspipe 0.1.0 (a stub) and zuul
        # 14.3.0 (fetched, CherryPy; not needed).
        Sdist("ethyca-fides", "2.22.0",
              "7d784c5404c1ba400fb92a5f979bbd218ba2a64df3e2567675f5269ec0c7b940",
              "ethyca-fides-2.22.0.tar.gz"),
        Sdist("r2r", "3.6.6",
              "f84c626e7fd9512ea312c75cc1d20221223a391222c382980a82100f25697258",
              "r2r-3.6.6.tar.gz"),
        Sdist("arize_phoenix", "20.26.1",
              "3b8e61b759746ec23bc260202049b60e64f032dd0a4d27b548a642fd1c061f62",
              "arize_phoenix-20.26.1.tar.gz"),
        Sdist("kerko", "1.3.0",
              "c895be1dcc64b1d44e3112f54e312e660633ff159fc2341e1bcea11f9ca6493e",
              "kerko-1.3.0.tar.gz"),
        Sdist("jupyterlab_server", "2.28.1",
              "0c3c2418d51021ce280916e63dfe4cba8386b4e2787be5c25433c98f560ddb31",
              "jupyterlab_server-2.28.1.tar.gz"),
        # Then, because those five gave one injection alert: reader 3.26 (fetched for holdout41,
        # not chosen there), invenio-app-rdm 14.0.5 and keystone 30.0.0, the newest.
        Sdist("reader", "3.26",
              "2b6ad65066f46c35609e047681771632856cb9f82b705e1c9614d83a066f28d9",
              "reader-3.26.tar.gz"),
        Sdist("invenio_app_rdm", "14.0.5",
              "a453f01420b6eb3349cda2af1818ddddaaa0e69bdc6c0a79a50c4331131e7cf1",
              "invenio_app_rdm-14.0.5.tar.gz"),
        Sdist("keystone", "30.0.0",
              "8f3f77175a039e408d870c6ea697a4cc4e9cf2755bd6cbc11230db4146dd7df4",
              "keystone-30.0.0.tar.gz"),
        # The holdout45 corpus (resolved on 2026-12-08): a fresh sample judged at 9189715, before
        # any fix it prompts, once holdout43 and holdout44 had been judged (built beside
        # holdout46). All five are the newest releases with an sdist that pip prepares here, with
        # no injection CVE known to me for those versions. Checked and not chosen: lollms 9.5.1
        # and cryptoadvance-specter (their sdists failed to prepare under pip), web2ldap (the
        # same), mljar-mercury, spiderfoot, karton-dashboard and mirrormanager2 (no sdist on the
        # index), salt 3002 (the last before CVE-2020-16846's fix; fetched, over a million lines
        # with its tests).
        Sdist("wafer", "0.17.0",
              "7e373a271a24c7ae83a41e12b2afb259e480358272e39020bf15986ba1309a6e",
              "wafer-0.17.0.tar.gz"),
        Sdist("nsupdate", "0.13.0",
              "99b927e42dd1f11e7591312b09543edddbe65d489359286b3d808edbf2864422",
              "nsupdate-0.13.0.tar.gz"),
        Sdist("pydap", "3.5.9",
              "42c9739d82b182ac96c92df455fba288452966105c1b89f97cf37bbc0ff4bf0e",
              "pydap-3.5.9.tar.gz"),
        Sdist("ldap_ui", "0.15.5",
              "dcfebba222c309b905df1161ca2b27e5958b1f7ee9913c221294306e2c08d644",
              "ldap_ui-0.15.5.tar.gz"),
        Sdist("jesse", "3.5.3",
              "90c12dd82c6bec4dbef17139d988aa2fb5fd56ed2dad56e44045709521505922",
              "jesse-3.5.3.tar.gz"),
        # Then, because those five gave two injection alerts: django-fobi 0.19.9,
        # openwisp-firmware-upgrader 1.3.1 and coderedcms 6.0.0, the newest, with no injection CVE
        # known to me.
        Sdist("django-fobi", "0.19.9",
              "72964cf281aa53a8975ed1d05c58c4d4e981f3db0d86c2a7e90b9842d5307471",
              "django-fobi-0.19.9.tar.gz"),
        Sdist("openwisp_firmware_upgrader", "1.3.1",
              "b8e6f2b562c88f935e65d22369a2ab62e852d7204dd6870a5b189141fa359f6e",
              "openwisp_firmware_upgrader-1.3.1.tar.gz"),
        Sdist("coderedcms", "6.0.0",
              "5ee2fe9a1210cf63db4fdffa802311b233a394562a40d6bdc37c6ea2de273110",
              "coderedcms-6.0.0.tar.gz"),
        # The holdout46 corpus (resolved on 2026-12-08): a fresh sample judged at 9189715, before
        # any fix it prompts, once holdout43 and holdout44 had been judged (built beside
        # holdout45). Flask-Security-Too 4.0.1 is the last before 4.1.0's fix of CVE-2021-32618
        # (an open redirect through the `next` parameter, as I recall it); the other four are
        # the newest releases with an sdist that pip prepares here (borgitory 2.4.3 is the
        # newest for Python 3.11; 2.5 and later need 3.13), with no injection CVE known to me.
        # Checked and not chosen: geonode 5.1.1 (no sdist of it on the index) and opal-server
        # 0.9.9 (its build requirements step failed).
        Sdist("Flask-Security-Too", "4.0.1",
              "c2967fce08cbe2a1c6ada8eaafc717626d90f296efa7a17f859c13f46bfef1e0",
              "Flask-Security-Too-4.0.1.tar.gz"),
        Sdist("borgitory", "2.4.3",
              "4bf172ffa42d610b69ed41ca457a0c29e201cf500151088571d000a991d0cf52",
              "borgitory-2.4.3.tar.gz"),
        Sdist("starlette_admin", "1.0.3",
              "d215614b85bcccdf57c02b9a3c0c64e21062b8166ec683f2636dfedc6f6ded76",
              "starlette_admin-1.0.3.tar.gz"),
        Sdist("allianceauth", "5.5.0",
              "ea77fdb360f250bc444abc35fce239e2318ebcd19e576ed598c99f84748b2629",
              "allianceauth-5.5.0.tar.gz"),
        Sdist("richie", "3.5.1",
              "6ed62c9f426d56049c6fcee6573f804a61a0b96683ea1cef62662aca6f64be8a",
              "richie-3.5.1.tar.gz"),
        # Then, because those five gave one injection alert: xadmin 0.6.1 (the newest on the
        # index, of 2016), django-postman 4.6 and textual-serve 1.1.3, the newest, with no
        # injection CVE known to me.
        Sdist("xadmin", "0.6.1",
              "00d11af37bb97ba90d01babb0d298e43c5f7701bf9ac390fda3f3b3b21239dbb",
              "xadmin-0.6.1.tar.gz"),
        Sdist("django_postman", "4.6",
              "962172aaadf9c091bf17de28715c2c3ed19efd0b2220621758f2c3bc0ff7491f",
              "django_postman-4.6.tar.gz"),
        Sdist("textual_serve", "1.1.3",
              "f8f636ae2f5fd651b79d965473c3e9383d3521cdf896f9bc289709185da3f683",
              "textual_serve-1.1.3.tar.gz"),
        # The holdout47 corpus (resolved on 2026-12-08): a fresh sample judged at 4acc39b, before
        # any fix it prompts, once holdout45 and holdout46 had been judged (built beside
        # holdout48). All five are the newest releases with an sdist on the index, with no
        # injection CVE known to me for those versions. Checked and not chosen: SATOSA (taken
        # first, then dropped: holdout41's section lists it as fetched and not needed).
        Sdist("jupyterlab_latex", "4.4.0",
              "6864ede1ccad749e066e8aa4a3a3faee84097b5840b75b5bd1f94b7f5b92978e",
              "jupyterlab_latex-4.4.0.tar.gz"),
        Sdist("jupyterhub_nativeauthenticator", "1.3.0",
              "67d49d6a04658494a658466dbe4c6418b68ae6577324855afe5fc8abdf86ef89",
              "jupyterhub_nativeauthenticator-1.3.0.tar.gz"),
        Sdist("matlab_proxy", "0.35.0",
              "6d09ec8e4b951cad1cc333443cdcfddb80cd3196046616321119641497bd5e94",
              "matlab_proxy-0.35.0.tar.gz"),
        Sdist("taipy_gui", "4.1.2",
              "b4ce91e5bfc4023dd74d15eff1af185107de65b117b3473637e768be8ce367a1",
              "taipy_gui-4.1.2.tar.gz"),
        Sdist("django_comments_xtd", "2.10.13",
              "a6a971971a581e65eaa3a770ac6e08af4ee80ae6c5c00b7b60560583eb38540e",
              "django_comments_xtd-2.10.13.tar.gz"),
        # Then, because those five gave three injection alerts: django-import-export 4.4.6,
        # sqlmap 1.10.10 and django-allauth 65.22.1, the newest, with no injection CVE known to
        # me.
        Sdist("django_import_export", "4.4.6",
              "b56c22bab6ff192a4cb788492ff15deb0163a603fb19ad2bd7ec9b182b26520e",
              "django_import_export-4.4.6.tar.gz"),
        Sdist("sqlmap", "1.10.10",
              "9dece8eb15e410ee10114d88d200f54a383f549b565c0147b647081ab805e399",
              "sqlmap-1.10.10.tar.gz"),
        Sdist("django_allauth", "65.22.1",
              "b05e20b8f511066c97ed98491520a2ca0319ef16d7f27feed9f688cc6877a8ba",
              "django_allauth-65.22.1.tar.gz"),
        # The holdout48 corpus (resolved on 2026-12-08): a fresh sample judged at 4acc39b, before
        # any fix it prompts, once holdout45 and holdout46 had been judged (built beside
        # holdout47). scout-browser 4.51 is the last before 4.52's fix of CVE-2022-1554 (a path
        # traversal through a send_file() call); the other four are the newest releases with an
        # sdist on the index, with no injection CVE known to me.
        Sdist("scout-browser", "4.51",
              "0e3745bde849c144c1f485de2182203d2ecd26889d1f88a84919ac36b8265a19",
              "scout-browser-4.51.tar.gz"),
        Sdist("cellxgene", "1.3.0",
              "4c220c5b34f121c17b94a302119ac30fc31a308c3eb9101d05fa905cd133925e",
              "cellxgene-1.3.0.tar.gz"),
        Sdist("djangosaml2", "1.12.0",
              "41166de18078edb25d42181667bfc2db497c7afd1b8fe854e409d3626ef1938b",
              "djangosaml2-1.12.0.tar.gz"),
        Sdist("scrapyrt", "0.18.1",
              "58b39f502b979dca2031b6be6c6b6f740bf83731f208501ed69ec43cfc584710",
              "scrapyrt-0.18.1.tar.gz"),
        Sdist("jupyter_archive", "3.5.1",
              "ca6e5eefbc562fe0c7709f1da3027c66cccc0eac35b5d31efe337abc637bd859",
              "jupyter_archive-3.5.1.tar.gz"),
        # The holdout49 corpus (resolved on 2026-12-08): a fresh sample judged at 777f1e5, before
        # any fix it prompts, once holdout47 and holdout48 had been judged (built beside
        # holdout50). All five are the newest releases with an sdist on the index, with no
        # injection CVE known to me for those versions. Checked and not chosen: martor and bokeh
        # (taken by holdout50 first), maltrail, lookyloo and owtf (not on the index), guildai
        # (its newest sdist is 0.8.1, years behind).
        Sdist("django_avatar", "9.0.0",
              "55a816df3adc02891aaa11dae1ad72a9f281a586b0a1f703ebaf9cc3a2b0f46d",
              "django_avatar-9.0.0.tar.gz"),
        Sdist("snakeviz", "2.2.2",
              "08028c6f8e34a032ff14757a38424770abb8662fb2818985aeea0d9bc13a7d83",
              "snakeviz-2.2.2.tar.gz"),
        Sdist("django_oidc_provider", "0.9.0",
              "34b902577274feee71bd15bbb1b5622b4114a4f0b1efbbccb8f7a5dd4091a92a",
              "django_oidc_provider-0.9.0.tar.gz"),
        Sdist("titiler_core", "2.4.0",
              "f878c476bb30eb4aa707fdb1eaa5c43c00ff1d3d1858173e53990e2ddd361494",
              "titiler_core-2.4.0.tar.gz"),
        Sdist("pywebio", "1.8.4",
              "8108fbd2af035db0af42e8e4d001cbef9c26ec527a2ff869725b1caf2af5a114",
              "pywebio-1.8.4.tar.gz"),
        # Then, because those five gave four injection alerts: cista 1.9.17, django-newsletter
        # 1.2.1 and reflex 0.10.1, the newest, with no injection CVE known to me.
        Sdist("cista", "1.9.17",
              "8f1f8b053df7e49541943f98cffd0063dc58b9a265099e95bcd4c7431f89660e",
              "cista-1.9.17.tar.gz"),
        Sdist("django_newsletter", "1.2.1",
              "4a9294e5e29a27413b871955aa1ec91683072c09107afbf9093be09e8bdee32d",
              "django_newsletter-1.2.1.tar.gz"),
        Sdist("reflex", "0.10.1",
              "758972b3e0d31c49cdb0cb0f2d6e7033a4ba075c51df0d3c08840fe06c5d8eed",
              "reflex-0.10.1.tar.gz"),
        # The holdout50 corpus (resolved on 2026-12-08): a fresh sample judged at 777f1e5, before
        # any fix it prompts, once holdout47 and holdout48 had been judged (built beside
        # holdout49). All five are the newest releases with an sdist on the index (guildai 0.8.1
        # is the only sdist it has there), with no injection CVE known to me for those versions.
        Sdist("fiftyone", "1.22.1",
              "abed3702e78d0e0fef03a38522604c7310745b15e1adfe4ce214ddc3c45bf71e",
              "fiftyone-1.22.1.tar.gz"),
        Sdist("bokeh", "3.10.2",
              "d9fba1004fae149c6e6d54ba37410e52b8d4622ed5c6dad2220afa1b61362de0",
              "bokeh-3.10.2.tar.gz"),
        Sdist("django-notifications-hq", "1.8.3",
              "0f4b216bb382b7c7c4eef273eb211e59c1c6a0ea38cba6077415ac031d330725",
              "django-notifications-hq-1.8.3.tar.gz"),
        Sdist("martor", "1.8.2",
              "4e6ac65e8a3c36ecd6d6f797e69b8394f40b320fe8b208cf2e9a6122d522fb8d",
              "martor-1.8.2.tar.gz"),
        Sdist("guildai", "0.8.1",
              "95da42fbf17ce7e88d8c9b5fe288281372d8e24ab72adc021efb44c8537e5aa0",
              "guildai-0.8.1.tar.gz"),
        # Then, because those five gave no injection alert: maigret 0.6.6, errbot 6.2.1 and
        # mlserver 1.7.1, the newest, with no injection CVE known to me.
        Sdist("maigret", "0.6.6",
              "8a364955d6272ac7a7c719fba59b4218fb23839f343a776ff783ed2c432f21b8",
              "maigret-0.6.6.tar.gz"),
        Sdist("errbot", "6.2.1",
              "0375e48587db82da28273e2430c658ad0edecc87f11a1978f5713feb19fcd845",
              "errbot-6.2.1.tar.gz"),
        Sdist("mlserver", "1.7.1",
              "e5534a1bda74275efbb86f8d58a649948f2f0703775619fe7234ab7e50c4fefd",
              "mlserver-1.7.1.tar.gz"),
        # The holdout51 corpus (resolved on 2026-12-08): a fresh sample judged at bd39651, before
        # any fix it prompts, once holdout49 and holdout50 had been judged (built beside
        # holdout52). All five are the newest releases with an sdist on the index (aiohttp-admin
        # 0.1.0a3 is the newest sdist it has there), with no injection CVE known to me for those
        # versions; most apps with known injection CVEs that I thought of are already pinned above.
        Sdist("django_hijack", "3.8.0",
              "77796c89d09911c9e62e217c167ccf4a859ca1aae1055b6bc205c7380d798fff",
              "django_hijack-3.8.0.tar.gz"),
        Sdist("django_impersonate", "1.9.5",
              "1a77459b9174bf2cbe054c03088ed78718211ff9e91e172890f7500ab0385128",
              "django_impersonate-1.9.5.tar.gz"),
        Sdist("django-revproxy", "0.9.9",
              "b66a6decd81708314ee72f53fc96ebc65137f050107de31d09ab2ca0c555b608",
              "django-revproxy-0.9.9.tar.gz"),
        Sdist("django-mama-cas", "2.5.0",
              "477b7be9f92f1f249960c9dc2d7688f9f0835180ead814cb2c47e16cd5132262",
              "django-mama-cas-2.5.0.tar.gz"),
        Sdist("aiohttp-admin", "0.1.0a3",
              "efd50038e1b5df0e9b3441a12d73befb4c27a7e524be1548a1a21fbbe10658cd",
              "aiohttp-admin-0.1.0a3.tar.gz"),
        # Then, because those five gave no injection alert: django-markdownx 4.0.11,
        # django-tinymce 5.0.0 and django-loginas 0.3.14, the newest, with no injection CVE
        # known to me.
        Sdist("django_markdownx", "4.0.11",
              "0f2a4552174af98b621522eb36c8d1009a7f73d2bf591d973a34fc65cc740680",
              "django_markdownx-4.0.11.tar.gz"),
        Sdist("django_tinymce", "5.0.0",
              "6257669ed596accf5fa967ff3061276b2c5352baac1bbc658fcd8252b12ca38a",
              "django_tinymce-5.0.0.tar.gz"),
        Sdist("django_loginas", "0.3.14",
              "080bb6b714cee854739cc7242f2faf9e23f098691bd42ef3fd62e9bc9c5492ad",
              "django_loginas-0.3.14.tar.gz"),
        # The holdout52 corpus (resolved on 2026-12-08): a fresh sample judged at bd39651, before
        # any fix it prompts, once holdout49 and holdout50 had been judged (built beside
        # holdout51). All five are the newest releases with an sdist on the index, with no
        # injection CVE known to me for those versions. Checked and not chosen: everything in the
        # lists above (copyparty, wsgidav, webssh, django-summernote, django-filebrowser and more
        # are already pinned or listed), and frappe, healthchecks and paperless (no usable sdist).
        Sdist("flask_profiler", "1.8.1",
              "fc9f2875a4f22223ddc04ffacd75792854162c4cdbef165598a51f898521ac51",
              "flask_profiler-1.8.1.tar.gz"),
        Sdist("django-mdeditor", "0.1.20",
              "d1f3b735b6202b8820f10e024a5aa28c5b948897ee7a8dbb84558df75339827e",
              "django-mdeditor-0.1.20.tar.gz"),
        Sdist("pybbm", "0.19.0",
              "081803b66b5d1d786f2185cb5c784b38da9c58da18abb9f829de73ad7699da8f",
              "pybbm-0.19.0.tar.gz"),
        Sdist("django_private_storage", "3.1.3",
              "b3d1f4660ddac54ce5576473b093f50e7c04f0d065cb64e9bba2d201885792e6",
              "django_private_storage-3.1.3.tar.gz"),
        Sdist("django_file_form", "5.1.0",
              "72bf9f18a860351bef0220b313e595f7219c30d6f28e66bfe6036933ba9cb2ea",
              "django_file_form-5.1.0.tar.gz"),
        # Then, because those five gave no injection alert: django-jet 1.0.8, django-downloadview
        # 2.5.0 and django-s3direct 2.0.3, the newest, with no injection CVE known to me.
        Sdist("django-jet", "1.0.8",
              "f521dc0873023afa198d2b57687e0593ee62022bd50fa59506dfce69b101cd9e",
              "django-jet-1.0.8.tar.gz"),
        Sdist("django_downloadview", "2.5.0",
              "3bf0b0694711cadb4a9c1173cb21055a3f3be14c092e132ec3d69f14b4d8fdfe",
              "django_downloadview-2.5.0.tar.gz"),
        Sdist("django-s3direct", "2.0.3",
              "84c1eee9b0804ff9b07a43ce59be33aa3e171ec3628e4bde1c11313f644ead63",
              "django-s3direct-2.0.3.tar.gz"),
    )
}  # fmt: skip

CORPORA: dict[str, tuple[str, ...]] = {
    # ~500 files, ~53k lines of Python: the acceptance corpus of issue 2.
    "small": ("flask", "werkzeug"),
    # ~1400 files, ~270k lines of Python (about 5x small): shows how each tool scales.
    "large": ("flask", "werkzeug", "click", "jinja2", "requests", "pip"),
    # Widely used projects nobody here wrote, for alerts per 10k lines of library code
    # (benchmarks/realcode/): 15,088 files, 200 MB unpacked.
    "realcode": ("django", "ansible_core", "boto3", "celery", "flask", "jinja2", "requests",
                 "sqlalchemy", "werkzeug"),
    # Web applications nobody here wrote, for judged injection precision where request data
    # really reaches the sinks (benchmarks/realcode/judged_apps.csv); a mix of frameworks: own
    # WSGI/CGI (roundup, Radicale), Flask (changedetection.io, calibre-web, FlaskBB), Flask and
    # Tornado (OctoPrint), Django (ArchiveBox). 3,082 files; 900 library files, 238k lines.
    "realapps": ("roundup", "changedetection_io", "calibreweb", "octoprint", "archivebox",
                 "FlaskBB", "Radicale"),
    # A second sample of web applications, judged before any fix tuned on realapps landed
    # (benchmarks/realcode/judged_holdout.csv), so injection precision is not only measured on
    # the apps the rules were tuned on: Flask (mlflow's tracking server, D-Tale), Tornado
    # (jupyter_server), own WSGI (Trac, isso on werkzeug), Django (django-helpdesk), Pyramid
    # (kinto).
    "holdout": ("mlflow", "jupyter_server", "Trac", "django-helpdesk", "kinto", "dtale", "isso"),
    # A fresh sample once holdout had been tuned on (benchmarks/realcode/judged_holdout2.csv),
    # judged at main 2d6510c before the fixes of its round: own ASGI (Datasette), Django
    # (pretalx), Tornado (SickChill, Flower), Flask (I Hate Money), Pyramid (pypicloud), aiohttp
    # (maubot's management API).
    "holdout2": ("datasette", "pretalx", "sickchill", "ihatemoney", "pypicloud", "maubot",
                 "flower"),
    # A fresh sample once holdout2 had been tuned on (benchmarks/realcode/judged_holdout3.csv),
    # judged at main 9846268 before the fixes of its round: Tornado (ESPHome's dashboard),
    # TurboGears (Kallithea), Django (Postorius, django-wiki), own WSGI and aiohttp (Xandikos),
    # Flask (searx), FastAPI (LNbits).
    "holdout3": ("esphome", "Kallithea", "postorius", "wiki", "xandikos", "searx", "lnbits"),
    # A fresh sample once holdout3 had been judged (benchmarks/realcode/judged_holdout4.csv),
    # judged at main b0400ac before any fix it prompts: Flask (ckan, Lektor's admin server),
    # Django (graphite-web), own WSGI (WsgiDAV), Pyramid (devpi-server), Tornado (JupyterHub),
    # FastAPI (chainlit).
    "holdout4": ("ckan", "graphite-web", "WsgiDAV", "devpi-server", "jupyterhub", "Lektor",
                 "chainlit"),
    # A fresh sample once holdout4 had been tuned on (benchmarks/realcode/judged_holdout5.csv),
    # judged at main 4868b5e before any fix it prompts: FastAPI (gradio), Tornado (motionEye),
    # aiohttp (the GNS3 server), Bottle (Glances' web server), Django (Misago), Flask (archivy).
    "holdout5": ("gradio", "motioneye", "gns3_server", "Glances", "misago", "archivy"),
    # A fresh sample once holdout5 had been tuned on (benchmarks/realcode/judged_holdout6.csv),
    # judged at main 241a4c8 before any fix it prompts: Django (label-studio, Kiwi TCMS, Review
    # Board), Tornado (the classic Jupyter notebook server), Bottle (pypiserver, bottle vendored),
    # FastAPI (Langflow's backend), Flask (privacyIDEA).
    "holdout6": ("label-studio", "kiwitcms", "notebook", "pypiserver", "langflow_base",
                 "privacyIDEA", "ReviewBoard"),
    # A fresh sample once holdout6 had been tuned on (benchmarks/realcode/judged_holdout7.csv),
    # judged at main 5ca7004 before any fix it prompts: Flask (Flask-AppBuilder), Django
    # (OpenStack Horizon, Askbot), FastAPI (NiceGUI), Twisted (Deluge's web UI), Tornado (WebSSH),
    # then Flask (An Otter Wiki, FlexGet's web API).
    "holdout7": ("Flask-AppBuilder", "horizon", "nicegui", "deluge", "askbot", "webssh",
                 "otterwiki", "FlexGet"),
    # A fresh sample once holdout7 had been tuned on (benchmarks/realcode/judged_holdout8.csv),
    # judged at main 7f3aea3 before any fix it prompts: Django (wger, Mezzanine, Spirit,
    # Tendenci), Flask (OpenCVE), Tornado (Mopidy-Iris).
    "holdout8": ("wger", "Mezzanine", "django-spirit", "opencve", "tendenci", "Mopidy-Iris"),
    # A fresh sample once holdout8 had been tuned on (benchmarks/realcode/judged_holdout9.csv),
    # judged at main 397d872 before any fix it prompts: Flask (bepasty, Supysonic), Tornado
    # (pinnwand, thumbor), Django (django-oscar), then Django (pretix, Mayan EDMS) because the
    # first five gave only 2 injection alerts.
    "holdout9": ("bepasty", "pinnwand", "supysonic", "django-oscar", "thumbor",
                 "pretix", "mayan-edms"),
    # A fresh sample once holdout9 had been tuned on (benchmarks/realcode/judged_holdout10.csv),
    # judged at main 4f233a5 before any fix it prompts: Django (uMap), Flask (klaus, sqlite-web),
    # own WSGI (MapProxy), aiohttp (AppDaemon's HTTP API and dashboards), FastAPI (Khoj), then
    # Django (doccano) because the first six gave only 6 injection alerts, then Flask and
    # Starlette (pygeoapi) because doccano added none.
    "holdout10": ("umap_project", "klaus", "MapProxy", "appdaemon", "sqlite-web", "khoj",
                  "doccano", "pygeoapi"),
    # A fresh sample once holdout10 had been tuned on (benchmarks/realcode/judged_holdout11.csv),
    # judged at main fa222f4 before any fix it prompts: Flask (Whoogle, Gramps Web API, Lemur),
    # Django (ephios), own http.server (HASS Configurator), then Tornado (Jupyter Enterprise
    # Gateway) and Flask (Zou, Kitsu's API) because the first five gave only 5 injection alerts,
    # then Starlette (marimo's notebook server) because those seven gave only 7.
    "holdout11": ("whoogle-search", "gramps_webapi", "ephios", "hass-configurator", "lemur",
                  "jupyter_enterprise_gateway", "zou", "marimo"),
    # A fresh sample once holdout11 had been tuned on (benchmarks/realcode/judged_holdout12.csv),
    # judged at main 92d2f1d before any fix it prompts: Django (Gerapy), Flask (ScrapydWeb,
    # Alerta's API server), own WSGI on gevent (pywb), FastAPI (freqtrade's REST API).
    "holdout12": ("gerapy", "scrapydweb", "alerta-server", "pywb", "freqtrade"),
    # A fresh sample once holdout12 had been tuned on (benchmarks/realcode/judged_holdout13.csv),
    # judged at main d6eec6c before any fix it prompts: Django (MobSF, Nautobot), Flask (Anitya),
    # Tornado (Luigi's scheduler server), FastAPI (FastChat's API servers).
    "holdout13": ("mobsf", "anitya", "luigi", "nautobot", "fschat"),
    # A fresh sample once holdout13 had been tuned on (benchmarks/realcode/judged_holdout14.csv),
    # judged at main 45d525a before any fix it prompts: own WSGI (pycsw, before its SQL injection
    # fix CVE-2016-8640), Tornado (nbviewer), CherryPy (Girder), Flask (LibreTranslate), Django
    # (OpenSlides), FastAPI (Argilla's server), then own WSGI on werkzeug (MediaGoblin, PyWPS)
    # because the first six gave only 3 injection alerts.
    "holdout14": ("pycsw", "nbviewer", "girder", "libretranslate", "openslides", "argilla_server",
                  "mediagoblin", "pywps"),
    # A fresh sample once holdout14 had been tuned on (benchmarks/realcode/judged_holdout15.csv),
    # judged at main ef4d029 before any fix it prompts: Flask (Faraday's server, Vanna's app),
    # Django (ScanCode.io), Twisted (Sydent, before its CVE-2021-29430..29433 fixes), then Flask
    # with Flask-AppBuilder (Superset, Airflow's webserver) because the first four gave only 2
    # injection alerts, then Flask (pyspider's web UI) and Falcon (LinkedIn's Oncall, SQL built
    # by hand) because those six gave only 2 alerts and 1 info finding.
    "holdout15": ("faradaysec", "scancodeio", "matrix-sydent", "vanna", "apache-superset",
                  "apache-airflow", "pyspider", "oncall"),
    # A fresh sample once holdout15 had been tuned on (benchmarks/realcode/judged_holdout16.csv),
    # judged at main 4be997c before any fix it prompts: Pyramid (Kotti), own WSGI on werkzeug
    # (trytond, before its XXE fix CVE-2022-26661), Starlette (BentoML's HTTP server, before
    # CVE-2024-2912), Tornado (Mage's server), Django (Arches), then Flask (FitTrackee), Falcon
    # (Mailman's REST API) and Bottle (CodaLab's REST server) because the first five gave only 6
    # injection alerts.
    "holdout16": ("Kotti", "trytond", "bentoml", "mage_ai", "arches", "fittrackee", "mailman",
                  "codalab"),
    # A fresh sample once holdout16 had been tuned on (benchmarks/realcode/judged_holdout17.csv),
    # judged at main 1f76bac before any fix it prompts: FastAPI (ZenML's server, before its path
    # traversal fix CVE-2024-2083), Django (Wagtail), Flask (buku's bukuserver), then Flask
    # (wikmd), Bottle (Optuna Dashboard) and Django with an aiohttp content app (pulpcore) because
    # the first three gave only 6 injection alerts, then Flask (updog) and Tornado (TabPy) because
    # those six gave only 9.
    "holdout17": ("zenml", "wagtail", "buku", "wikmd", "optuna-dashboard", "pulpcore", "updog",
                  "tabpy"),
    # A fresh sample once holdout17 had been judged (benchmarks/realcode/judged_holdout18.csv),
    # judged at main 6a71c58 before any fix it prompts, each app chosen before it was scanned:
    # Django (django-grappelli, before its open redirect fix CVE-2021-46898), Flask (Flask-Admin,
    # before CVE-2018-16516), Twisted (scrapyd's HTTP API), Starlette and Flask (solara's
    # servers, before CVE-2024-39903) and Pyramid (convertit, which fetches URLs and runs
    # converters), then Bottle (abow, a wiki over files), Tornado (pilbox, which fetches and
    # resizes images by URL) and aiohttp (Tribler's REST API) because the first five gave only
    # 7 injection alerts.
    "holdout18": ("django-grappelli", "Flask-Admin", "scrapyd", "solara_ui", "convertit", "abow",
                  "pilbox", "tribler"),
    # A fresh sample once holdout18 had been judged (benchmarks/realcode/judged_holdout19.csv),
    # judged at 7e27d3f before any fix it prompts, each app chosen before it was scanned:
    # Tornado (nbgitpuller's Jupyter server handler, before CVE-2021-39160), Django
    # (django-debug-toolbar, before its SQL panel fix CVE-2021-30459), FastAPI (InvokeAI's API,
    # the version of CVE-2024-11042), CherryPy (CherryMusic) and Flask (Lute, with SQL built by
    # hand, in pagure's place).
    "holdout19": ("nbgitpuller", "django-debug-toolbar", "InvokeAI", "CherryMusic", "lute3"),
    # A fresh sample once holdout19 had been judged (benchmarks/realcode/judged_holdout20.csv),
    # judged at 74ea62f before any fix it prompts, each app chosen before it was scanned:
    # Tornado (jupyter-lsp's Jupyter server handlers, before CVE-2024-22415), own server on
    # wsgiref (mkdocs' dev server, before CVE-2021-40978), Django (django-filebrowser's file
    # views), Flask (Open Web Calendar, which fetches the calendars it is given) and Quart
    # (Rhasspy's web server, which writes profile files by name), then aiohttp (opsdroid's web
    # server), FastAPI (conda-store's server, which builds environments) and Flask (flaskcode, a
    # file editor blueprint) because the first five gave only 5 injection alerts.
    "holdout20": ("jupyter-lsp", "mkdocs", "django-filebrowser", "open_web_calendar",
                  "rhasspy-server-hermes", "opsdroid", "conda_store_server", "flaskcode"),
    # A fresh sample once holdout20 had been judged (benchmarks/realcode/judged_holdout21.csv),
    # judged at 70c8032 before any fix it prompts, each app chosen before it was scanned: own
    # WSGI on selector (TiddlyWeb's HTTP store of tiddlers), Django (django-unicorn's component
    # message view, before CVE-2025-24370), Tornado (Jupyter Kernel Gateway), Flask
    # (Puppetboard, which builds PuppetDB queries from its URLs) and FastAPI (spotDL's web UI,
    # which serves the files it downloads), then own http.server (uploadserver, which writes
    # uploaded files by name), own medusa HTTP server (Supervisor's web UI and XML-RPC) and
    # Bottle (Alignak's web UI) because the first five gave no injection alert.
    "holdout21": ("tiddlyweb", "django_unicorn", "jupyter_kernel_gateway", "puppetboard",
                  "spotdl", "uploadserver", "supervisor", "alignak_webui"),
    # A fresh sample once holdout21 had been judged (benchmarks/realcode/judged_holdout22.csv),
    # judged at e0edc03 before any fix it prompts, each app chosen before it was scanned:
    # Django (django-sql-explorer, which runs SQL its users write; HyperKitty, Mailman's
    # archives), Tornado (Butterfly, a terminal in the browser), aiohttp (mautrix-telegram's
    # login pages and provisioning API) and Flask (Flask-MonitoringDashboard's blueprint), in
    # the places of eight apps that could not be fetched or built here, then Pyramid
    # (pyramid_debugtoolbar, whose panels re-run SQL), Django (django-filer's file views) and
    # Tornado (wdb's debugger server) because the first five gave only 1 injection alert.
    "holdout22": ("django_sql_explorer", "butterfly", "hyperkitty", "mautrix-telegram",
                  "flask_monitoringdashboard", "pyramid_debugtoolbar", "django_filer",
                  "wdb.server"),
    # A fresh sample once holdout22 had been judged (benchmarks/realcode/judged_holdout23.csv),
    # judged at 8d9cd2c before any fix it prompts, each app chosen before it was scanned: Django
    # (dpaste, a pastebin; django-silk, a profiler whose pages filter recorded requests and SQL),
    # Flask (rq-dashboard's blueprint; proxpi, a PyPI mirror that fetches what it is asked for)
    # and own WSGI (morss, which fetches the feed a URL names), in pyload-ng's place, then
    # Tornado (TorCMS, a CMS and wiki), Flask (httpbin, whose endpoints echo and redirect) and
    # Flask (grip, which renders local Markdown files by path) because the first five gave only 1
    # injection alert.
    "holdout23": ("dpaste", "rq_dashboard", "django_silk", "proxpi", "morss", "torcms", "httpbin",
                  "grip"),
    # A fresh sample once holdout23 had been judged (benchmarks/realcode/judged_holdout24.csv),
    # judged at 8e8f097 before any fix it prompts, each app chosen before it was scanned: Django
    # (django-ckeditor's upload and browse views; django-rosetta, which edits the project's .po
    # files), Flask (psdash, a system dashboard that tails log files; Realms, a git-backed wiki)
    # and FastAPI (fastapi-admin, an admin panel), in the places of 0bin, voila and nbdime, then
    # Flask (Flask-AutoIndex, a directory browser), Django (django-cas-ng, a CAS login with next=
    # redirects) and own HTTP server (copyparty, a file server, before CVE-2023-37474) because the
    # first five gave only 2 injection alerts.
    "holdout24": ("django_ckeditor", "django_rosetta", "psdash", "realms-wiki", "fastapi-admin",
                  "Flask-AutoIndex", "django-cas-ng", "copyparty"),
    # A fresh sample once holdout24 had been judged (benchmarks/realcode/judged_holdout25.csv),
    # judged at 97a3a17 before any fix it prompts, each app chosen before it was scanned: CherryPy
    # (rdiffweb, a web interface to rdiff-backup repositories), Django REST framework
    # (django-drf-filepond, a FilePond upload server that also fetches URLs), Flask (browsepy, a
    # file browser with uploads), FastAPI (docling-serve, which converts documents it is sent or
    # fetches) and Tornado (Mopidy's HTTP frontend), in the places of jupyterlab-git and
    # piccolo-admin, then Pyramid (pyshop, a private package index with uploads and a PyPI
    # mirror), Django (django-sql-dashboard, which runs the SQL its staff write) and Flask
    # (tahrir, Fedora's badge site) because the first five gave only 2 injection alerts.
    "holdout25": ("rdiffweb", "django-drf-filepond", "browsepy", "docling_serve", "Mopidy",
                  "pyshop", "django-sql-dashboard", "tahrir"),
    # A fresh sample once holdout24 had been judged (benchmarks/realcode/judged_holdout26.csv),
    # judged at 97a3a17 before any fix it prompts, each app chosen before it was scanned: own
    # HTTP framework on gevent (Ajenti, a server admin panel: its core and core plugin), own
    # http.server (PyWebDAV3, a WebDAV server with MySQL accounts), Pyramid (papaye, a local
    # PyPI), own WSGI on Paste (loggerhead, Bazaar's branch browser) and FastAPI (AutoGen Studio,
    # which builds and runs agent teams), then Starlette (dagster-webserver, Dagster's UI server),
    # aiohttp (aiohttp-devtools, whose dev server serves static files) and Tornado (sparkmagic's
    # handler, which reconnects a kernel to the Livy URL it is sent) because the first five gave
    # no injection alert.
    "holdout26": ("aj", "ajenti.plugin.core", "PyWebDAV3", "papaye", "loggerhead", "autogenstudio",
                  "dagster_webserver", "aiohttp-devtools", "sparkmagic"),
    # A fresh sample once holdout25 and holdout26 had been judged
    # (benchmarks/realcode/judged_holdout27.csv), judged at 0b7eb50 before any fix it prompts, each
    # app chosen before it was scanned: CherryPy (IdeaPy, a virtual-host file server that runs the
    # .py files it serves), Django (Wooey, a web front end that runs uploaded scripts), Datasette
    # (datasette-ripgrep, which runs rg over a configured folder), Flask (ownfoil, a game library
    # manager that serves files from its libraries) and aiohttp (Cherrydoor, an RFID lock
    # manager on MongoDB), then Pyramid (devpi-web, devpi's web view with its documentation
    # pages), Tornado (circus-web, Circus's process dashboard) and aiohttp (kvmd, PiKVM's daemon)
    # because the first five gave only 2 injection alerts.
    "holdout27": ("ideapy", "wooey", "datasette-ripgrep", "ownfoil", "Cherrydoor", "devpi_web",
                  "circus-web", "kvmd"),
    # A fresh sample once holdout27 had been judged (benchmarks/realcode/judged_holdout28.csv),
    # judged at 2da7b63 before any fix it prompts, each app chosen before it was scanned: own
    # http.server (servefile, which serves a file or folder and takes uploads), Flask
    # (Flask-Shell2HTTP, which runs configured commands with the arguments it is posted;
    # agentscope's run viewer), Django (waliki, a git-backed wiki) and Starlette (sqladmin, an
    # admin panel over SQLAlchemy models), then own WSGI (dramatiq-dashboard, Dramatiq's queue
    # dashboard), Tornado (ereb, a cron with a web interface that runs its tasks' shell commands)
    # and Django (localshop, a private PyPI that mirrors PyPI) because the first five gave 4
    # injection alerts.
    "holdout28": ("servefile", "Flask-Shell2HTTP", "agentscope", "waliki", "sqladmin",
                  "dramatiq_dashboard", "ereb", "localshop"),
    # A fresh sample once holdout28 had been judged (benchmarks/realcode/judged_holdout29.csv),
    # judged at 035bb59 before any fix it prompts, each app chosen before it was scanned: Bottle
    # (pasttle, a pastebin), Tornado (livereload, a development server that serves a folder),
    # own http.server (qr-filetransfer, which serves a file or folder to a phone and takes
    # uploads), Django (django-summernote, an editor widget with an upload view) and Flask and
    # FastAPI (airflow-code-editor, Airflow's plugin that edits the DAG files and runs git), then
    # aiohttp (aiohttp-debugtoolbar), FastAPI (kedro-viz, a pipeline viewer) and Pyramid
    # (kinto-attachment, file attachments for Kinto's records) because the first five gave no
    # injection alert.
    "holdout29": ("pasttle", "livereload", "qr-filetransfer", "django-summernote",
                  "airflow_code_editor", "aiohttp-debugtoolbar", "kedro_viz", "kinto_attachment"),
    # A fresh sample once holdout29 had been judged (benchmarks/realcode/judged_holdout30.csv),
    # judged at 9046941 before any fix it prompts, each app chosen before it was scanned: Django
    # (bugsink, a self-hosted error tracker, before CVE-2025-54433's fix), Flask (timesketch, a
    # forensic timeline server), Bottle (ivre's web interface over its scan databases), FastAPI
    # (skyline-apiserver, OpenStack's dashboard API) and PoorWSGI (prusalink, a 3D printer's web
    # interface that stores and prints uploaded files), then Tornado (aird, a self-hosted file
    # browser and editor with user accounts), Pyramid (pyramid_oereb, a public land-register web
    # service over PostGIS) and Flask (ytdl-server, a REST API that runs youtube-dl jobs) because
    # the first five gave one injection alert.
    "holdout30": ("bugsink", "timesketch", "ivre", "skyline_apiserver", "prusalink", "aird",
                  "pyramid_oereb", "ytdl_server"),
    # A fresh sample once holdout29 had been judged (benchmarks/realcode/judged_holdout31.csv),
    # judged at 87dfb42 before any fix it prompts, each app chosen before it was scanned: Flask
    # (temboz, a single-user feed reader over SQLite), Flask (Wikked, a wiki over git or Mercurial
    # with an SQL index), Tornado (pypi-server, a private package index with users), Django
    # (nitrate-tcms, a test case management system) and Bottle (pgs, which serves a git branch
    # or a folder), then Bottle (webp3, a music player over a folder), Flask (rqmonitor, a
    # dashboard over RQ's queues) and FastAPI (paper-feeds, feeds of journals' new papers)
    # because the first five gave two injection alerts.
    "holdout31": ("temboz", "Wikked", "pypi-server", "nitrate-tcms", "pgs", "webp3", "rqmonitor",
                  "paper_feeds"),
    # A fresh sample once holdout31 had been judged (benchmarks/realcode/judged_holdout32.csv),
    # judged at 6f1c404 before any fix it prompts, each app chosen before it was scanned: Twisted
    # (buildbot, a continuous integration server with a REST API), Django (papermerge-core, a
    # document management system), Flask (knowledge-repo, a shared store of notebooks and
    # posts), Pyramid (appenlight, an error and performance tracker) and Tornado (moonraker,
    # Klipper's API server, which stores and prints uploaded files and updates itself with git),
    # then FastAPI (lightrag-hku, a retrieval server with a web interface over uploaded
    # documents), own WSGI (swift, OpenStack's object store, before CVE-2022-47950's fix) and
    # Django (ara, a recorder and web interface for Ansible's runs) because the first five gave
    # six injection alerts.
    "holdout32": ("buildbot", "papermerge-core", "knowledge_repo", "appenlight", "moonraker",
                  "lightrag_hku", "swift", "ara"),
    # A fresh sample once holdout31 had been judged (benchmarks/realcode/judged_holdout33.csv),
    # judged at 6f1c404 before any fix it prompts, each app chosen before it was scanned: Django
    # (omero-web, OMERO's web client over microscopy images), Flask (rucio, a scientific data
    # management server with a REST API), Pyramid (stalker_pyramid, a production asset manager),
    # CherryPy (tvb-framework, The Virtual Brain's web interface) and Twisted (tahoe-lafs, a
    # file store with a web interface and API); these five gave 23 injection alerts, so no second
    # group was added.
    "holdout33": ("omero_web", "rucio", "stalker_pyramid", "tvb_framework", "tahoe_lafs"),
    # A fresh sample once holdout32 and holdout33 had been judged
    # (benchmarks/realcode/judged_holdout34.csv), judged at c10a399 before any fix it prompts, each
    # app chosen before it was scanned: Flask (mindsdb, an AI SQL server with an HTTP API and
    # file uploads), Pyramid (tailbone, Rattail's back-office web application), Django (nemo-ce,
    # NEMO's laboratory logistics application), FastAPI (dstack's server, which runs AI workloads
    # on clouds and SSH fleets) and Twisted (matrix-synapse, Matrix's homeserver, before
    # CVE-2023-32683's fix), then Django (squad, Linaro's software quality dashboard), Falcon
    # (monasca-api, OpenStack's monitoring API over InfluxDB or Cassandra) and aiohttp
    # (pantalaimon, a Matrix proxy that adds end-to-end encryption) because the first five gave
    # three injection alerts.
    "holdout34": ("mindsdb", "tailbone", "nemo_ce", "dstack", "matrix_synapse", "squad",
                  "monasca-api", "pantalaimon"),
    # A fresh sample once holdout34 had been judged (benchmarks/realcode/judged_holdout35.csv),
    # judged at d3c262e before any fix it prompts, each app chosen before it was scanned: Django
    # (kolibri, Learning Equality's offline learning platform, and galaxy-ng, Ansible Galaxy's
    # server on Pulp) and Flask (nettacker, OWASP's scanner with a web API, platypush, an
    # automation server with a web panel, and fava, Beancount's web interface), then Flask
    # (PsiTurk, an experiment server, before CVE-2021-4315's fix) and Django (byro, a membership
    # administration, and openwisp-controller, OpenWISP's network device manager) because the
    # first five gave five injection alerts.
    "holdout35": ("kolibri", "nettacker", "platypush", "fava", "galaxy-ng", "PsiTurk", "byro",
                  "openwisp_controller"),
    # A fresh sample once holdout34 had been judged (benchmarks/realcode/judged_holdout36.csv),
    # judged at d3c262e before any fix it prompts, each app chosen before it was scanned: Twisted
    # (crossbar, the Crossbar.io router with its web services), Falcon (zaqar, OpenStack's
    # messaging service), FastAPI (dbgpt-app, DB-GPT's server for chat over data, agents and
    # skills), Litestar (evidently's UI service over projects and snapshots) and Pyramid
    # (wuttaweb, the Wutta framework's web app), then FastAPI (letta, an agent server) because
    # the first five gave eight injection alerts, all in one app, and then aiohttp
    # (comfyui-manager, ComfyUI's node manager) and FastAPI (cashu, the Nutshell ecash mint and
    # wallet) because letta gave none.
    "holdout36": ("crossbar", "zaqar", "dbgpt_app", "evidently", "wuttaweb", "letta",
                  "comfyui_manager", "cashu"),
    # A fresh sample once holdout35 and holdout36 had been judged
    # (benchmarks/realcode/judged_holdout37.csv), judged at 7c4f9ae before any fix it prompts, each
    # app chosen before it was scanned: Django (patchman, a patch status monitor for Linux hosts
    # that takes their reports; OpenREM, radiation dose monitoring over imported DICOM; and
    # tomtoolkit, the TOM Toolkit for astronomical observations) and Flask (noggin-aaa, a
    # self-service portal for FreeIPA, and odcs, the On Demand Compose Service), then Flask (moin,
    # the MoinMoin 2 wiki, and module-build-service, Fedora's module build service) and Django
    # (vulnerablecode, a database of package vulnerabilities with a web UI and API) because the
    # first five gave five injection alerts.
    "holdout37": ("patchman", "noggin_aaa", "OpenREM", "odcs", "tomtoolkit", "moin",
                  "module-build-service", "vulnerablecode"),
    # A fresh sample once holdout36 had been judged (benchmarks/realcode/judged_holdout38.csv),
    # judged at 7c4f9ae before any fix it prompts, each app chosen before it was scanned: FastAPI
    # (litellm's proxy server, before CVE-2026-42208's fix, and openhands-ai, an agent server with
    # a sandbox runtime), aiohttp (homeassistant, before 2023.9.0's security fixes), own WSGI
    # (mercurial's hgweb) and Tornado (bgmi, an anime download manager with a web UI); these five
    # gave twelve injection alerts, so no second group was added.
    "holdout38": ("litellm", "homeassistant", "openhands_ai", "mercurial", "bgmi"),
    # A fresh sample once holdout38 had been judged (benchmarks/realcode/judged_holdout39.csv),
    # judged at ea77bd1 before any fix it prompts, each app chosen before it was scanned: Django
    # (rdmo, the Research Data Management Organiser; openwisp-radius, a RADIUS user and
    # accounting manager with a REST API; and evennia, a MUD server with a Django website and
    # webclient) and Flask (maildump, an SMTP sink with a web UI, and locust, a load tester with
    # a web UI); five apps, per the time limit, so no second group was added.
    "holdout39": ("rdmo", "openwisp_radius", "maildump", "locust", "evennia"),
    # A fresh sample once holdout38 had been judged (benchmarks/realcode/judged_holdout40.csv),
    # judged at ea77bd1 before any fix it prompts, each app chosen before it was scanned, in this
    # order: Tornado (distributed, Dask's scheduler and worker dashboards, before CVE-2021-42343's
    # fix), Bottle (arelle-release, the Arelle XBRL processor with its REST web server), Starlette
    # (irrd, the Internet Routing Registry daemon with its web UI and GraphQL), Twisted (jasmin,
    # an SMS gateway with an HTTP API) and Pyramid (channelstream, a websocket push server); five
    # apps, with no second group, to keep to the time limit.
    "holdout40": ("distributed", "arelle_release", "irrd", "jasmin", "channelstream"),
    # A fresh sample once holdout39 and holdout40 had been judged
    # (benchmarks/realcode/judged_holdout41.csv), judged at d53e4b3 before any fix it prompts, each
    # app chosen before it was scanned, in this order: Starlette (otree, the oTree server for
    # online experiments), FastAPI (tipg, OGC Features and Tiles over PostGIS), Flask (INGInious,
    # a course and grading platform; beets's web plugin, a music library; and SpiderKeeper, a
    # Scrapy spider manager), then FastAPI (tiled, a data access service over files and SQL, and
    # fief-server, an OAuth2 and OpenID Connect server) and Tornado (jupyterlab-git, a JupyterLab
    # server extension running git) because the first five gave two injection alerts.
    "holdout41": ("otree", "tipg", "INGInious", "beets", "SpiderKeeper", "tiled", "fief_server",
                  "jupyterlab_git"),
    # (benchmarks/realcode/judged_holdout42.csv), judged at d53e4b3 before any fix it prompts,
    # built beside holdout41, each app chosen before it was scanned, in this order: CherryPy
    # (ipsilon, Fedora's identity provider with SAML, OpenID Connect and an admin UI), Django
    # (PyScada, a SCADA system with an HMI, and django-crm-admin, a CRM with mass mail), Twisted
    # (magic-folder, Tahoe-LAFS folder synchronisation with an HTTP API) and Django (django-ca, a
    # TLS certificate authority with ACME, OCSP and CRL views); then, because those five gave four
    # injection alerts, Django (ashley, a discussion forum for LTI courses, and
    # openwisp-network-topology, network topology collection and display) and Flask
    # (bemserver-ui, the web UI of a building energy management server).
    "holdout42": ("ipsilon", "PyScada", "django_crm_admin", "magic-folder", "django_ca",
                  "ashley", "openwisp_network_topology", "bemserver_ui"),
    # A fresh sample once holdout41 and holdout42 had been judged
    # (benchmarks/realcode/judged_holdout43.csv), judged at b4dc3f5 before any fix it prompts,
    # built beside holdout44, each app chosen before it was scanned, in this order: Django
    # (django-cms, the content management system), Pyramid (substanced, an application server
    # and CMS with a management interface), Falcon (freezer-api, OpenStack's backup and restore
    # API), aiohttp (querysource, a web service that runs named queries over many databases) and
    # WSGI and XML-RPC (cobbler, a network boot and provisioning server); then, because those
    # five gave two injection alerts, Django (openwisp-monitoring, device monitoring with
    # InfluxDB charts), Flask (mwdb-core, CERT Polska's malware repository) and Django
    # (django-ledger, a double-entry accounting system).
    "holdout43": ("django_cms", "substanced", "freezer_api", "querysource", "cobbler",
                  "openwisp_monitoring", "mwdb_core", "django_ledger"),
    # (benchmarks/realcode/judged_holdout44.csv), judged at b4dc3f5 before any fix it prompts,
    # built beside holdout43, each app chosen before it was scanned, in this order: FastAPI
    # (ethyca-fides, a privacy engineering platform with a privacy request centre, before
    # CVE-2023-46124's fix; r2r, a retrieval-augmented generation server over Postgres), Starlette
    # (arize-phoenix, an LLM tracing and evaluation server), Flask (kerko, a Zotero bibliography
    # web app) and Tornado (jupyterlab_server, JupyterLab's settings, themes and workspaces API);
    # then, because those five gave one injection alert, Flask (reader, a feed reader library
    # with a web app; invenio-app-rdm, the InvenioRDM research data repository; and keystone,
    # OpenStack's identity service).
    "holdout44": ("ethyca-fides", "r2r", "arize_phoenix", "kerko", "jupyterlab_server",
                  "reader", "invenio_app_rdm", "keystone"),
    # A fresh sample once holdout43 and holdout44 had been judged
    # (benchmarks/realcode/judged_holdout45.csv), judged at 9189715 before any fix it prompts,
    # built beside holdout46, each app chosen before it was scanned, in this order: Django
    # (wafer, a conference management system with talk submission, schedules and pages; nsupdate,
    # a dynamic DNS service), WSGI (pydap, an OPeNDAP data server), Starlette (ldap-ui, a web
    # editor for an LDAP directory) and FastAPI (jesse, a trading framework with a dashboard);
    # then, because those five gave two injection alerts, Django (django-fobi, a form builder
    # with form handlers and import and export; openwisp-firmware-upgrader, firmware builds and
    # upgrades of network devices; and coderedcms, a Wagtail CMS with form pages).
    "holdout45": ("wafer", "nsupdate", "pydap", "ldap_ui", "jesse", "django-fobi",
                  "openwisp_firmware_upgrader", "coderedcms"),
    # (benchmarks/realcode/judged_holdout46.csv), judged at 9189715 before any fix it prompts,
    # built beside holdout45, each app chosen before it was scanned, in this order: Flask
    # (Flask-Security-Too, the login, registration and two-factor views of Flask apps, before
    # CVE-2021-32618's fix), FastAPI (borgitory, a web interface for BorgBackup repositories),
    # Starlette (starlette-admin, an admin interface framework), Django (allianceauth, an auth
    # and services portal for EVE Online groups; richie, a CMS for learning portals); then,
    # because those five gave one injection alert, Django (xadmin, a replacement of Django's
    # admin; django-postman, user-to-user messaging) and aiohttp (textual-serve, which serves
    # Textual terminal apps to the browser).
    "holdout46": ("Flask-Security-Too", "borgitory", "starlette_admin", "allianceauth",
                  "richie", "xadmin", "django_postman", "textual_serve"),
    # A fresh sample once holdout45 and holdout46 had been judged
    # (benchmarks/realcode/judged_holdout47.csv), judged at 4acc39b before any fix it prompts,
    # built beside holdout48, each app chosen before it was scanned, in this order: Tornado
    # (jupyterlab-latex, the JupyterLab server extension that compiles LaTeX files;
    # jupyterhub-nativeauthenticator, JupyterHub's sign-up and login pages), aiohttp
    # (matlab-proxy, which serves MATLAB's desktop to the browser), Flask (taipy-gui, the Taipy
    # GUI server) and Django (django-comments-xtd, threaded comments with moderation); then,
    # because those five gave three injection alerts, Django (django-import-export, import and
    # export in Django's admin), Bottle (sqlmap, whose REST API server runs scans) and Django
    # (django-allauth, sign-in, sign-up and social accounts).
    "holdout47": ("jupyterlab_latex", "jupyterhub_nativeauthenticator", "matlab_proxy",
                  "taipy_gui", "django_comments_xtd", "django_import_export", "sqlmap",
                  "django_allauth"),
    # (benchmarks/realcode/judged_holdout48.csv), judged at 4acc39b before any fix it prompts,
    # built beside holdout47, each app chosen before it was scanned, in this order: Flask
    # (scout-browser, a browser of clinical genomics variants and cases, before CVE-2022-1554's
    # fix; cellxgene, an explorer of single-cell gene expression data), Django (djangosaml2, the
    # SAML2 service-provider views of Django sites), Twisted (scrapyrt, an HTTP API that runs
    # Scrapy spiders) and Tornado (jupyter-archive, the Jupyter server's archive download and
    # extraction handlers).
    "holdout48": ("scout-browser", "cellxgene", "djangosaml2", "scrapyrt", "jupyter_archive"),
    # A fresh sample once holdout47 and holdout48 had been judged
    # (benchmarks/realcode/judged_holdout49.csv), judged at 777f1e5 before any fix it prompts,
    # built beside holdout50, each app chosen before it was scanned, in this order: Django
    # (django-avatar, user avatars with upload, choice and resized rendering), Tornado
    # (snakeviz, a browser viewer of profiler output served from local files), Django
    # (django-oidc-provider, an OpenID Connect provider's authorize, token, userinfo and
    # end-session views), FastAPI (titiler-core, the endpoint factories of a dynamic map tile
    # server over raster files and URLs) and several (pywebio, which serves Python scripts as
    # web apps over Tornado, Flask, Django, aiohttp or FastAPI); then, because those five gave
    # four injection alerts, Sanic (cista, a Dropbox-like file server with a web interface),
    # Django (django-newsletter, subscriptions with mailed activation links and archives) and
    # Starlette (reflex, whose app server takes uploads and serves its state over a websocket).
    "holdout49": ("django_avatar", "snakeviz", "django_oidc_provider", "titiler_core", "pywebio",
                  "cista", "django_newsletter", "reflex"),
    # (benchmarks/realcode/judged_holdout50.csv), judged at 777f1e5 before any fix it prompts,
    # built beside holdout49, each app chosen before it was scanned, in this order: Starlette
    # (fiftyone, the FiftyOne App's server over datasets of images and videos), Tornado (bokeh,
    # the Bokeh server that serves documents and sessions), Django (django-notifications-hq,
    # notification lists and mark-as-read views; martor, a Markdown editor with upload and
    # preview views) and werkzeug (guildai, whose `guild view` server serves runs and files);
    # then, because those five gave no injection alert, Flask (maigret, a username search with a
    # web interface; errbot, a chat bot whose webserver plugin serves webhooks) and FastAPI
    # (mlserver, an inference server with a model repository API).
    "holdout50": ("fiftyone", "bokeh", "django-notifications-hq", "martor", "guildai",
                  "maigret", "errbot", "mlserver"),
    # A fresh sample once holdout49 and holdout50 had been judged
    # (benchmarks/realcode/judged_holdout51.csv), judged at bd39651 before any fix it prompts,
    # built beside holdout52, each app chosen before it was scanned, in this order: Django
    # (django-hijack and django-impersonate, which let staff act as another user and redirect
    # back; django-revproxy, a reverse-proxy view that forwards the request's path upstream;
    # django-mama-cas, a CAS server whose login and logout redirect to a service URL) and
    # aiohttp (aiohttp-admin, an admin interface's REST views over SQL and Mongo stores); then,
    # because those five gave no injection alert, Django (django-markdownx, a Markdown editor
    # with upload and preview views; django-tinymce, the TinyMCE widget with spell-check and
    # compressor views; django-loginas, which lets staff log in as another user).
    "holdout51": ("django_hijack", "django_impersonate", "django-revproxy", "django-mama-cas",
                  "aiohttp-admin", "django_markdownx", "django_tinymce", "django_loginas"),
    # (benchmarks/realcode/judged_holdout52.csv), judged at bd39651 before any fix it prompts,
    # built beside holdout51, each app chosen before it was scanned, in this order: Flask
    # (flask-profiler, a profiler whose dashboard lists and filters measurements in SQLite),
    # Django (django-mdeditor, a Markdown editor with an image upload view; pybbm, a forum with
    # topics, posts, attachments and moderation; django-private-storage, views that serve files
    # only to permitted users; django-file-form, upload views with resumable tus uploads); then,
    # because those five gave no injection alert, Django (django-jet, an admin theme with
    # dashboard and related-lookup views; django-downloadview, class-based views that stream
    # files, paths and URLs; django-s3direct, a view that signs direct uploads to S3).
    "holdout52": ("flask_profiler", "django-mdeditor", "pybbm", "django_private_storage",
                  "django_file_form", "django-jet", "django_downloadview", "django-s3direct"),
}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


INDEX_URL = os.environ.get("CORPUS_INDEX_URL", "https://pypi.org/simple").rstrip("/")
_SIMPLE_JSON = "application/vnd.pypi.simple.v1+json"
_HREF = re.compile(r"""<a\s[^>]*href=["']([^"']+)["']""", re.IGNORECASE)


def _index_files(project: str) -> dict[str, str]:
    """File name -> download URL of every file the index lists for `project`."""
    name = re.sub(r"[-_.]+", "-", project).lower()  # PEP 503 normalisation
    page = f"{INDEX_URL}/{name}/"
    request = urllib.request.Request(page, headers={"Accept": f"{_SIMPLE_JSON}, text/html;q=0.1"})
    with urllib.request.urlopen(request, timeout=60) as response:
        kind = response.headers.get("Content-Type", "")
        body = response.read().decode("utf-8")
    if kind.startswith(_SIMPLE_JSON):
        files = json.loads(body).get("files", [])
        return {f["filename"]: urllib.parse.urljoin(page, f["url"]) for f in files}
    links = (urllib.parse.urljoin(page, href) for href in _HREF.findall(body))
    return {urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1]: url for url in links}


def _from_index(sdist: Sdist, archive: Path) -> bool:
    """Download the pinned archive straight from the index into `archive`; False when the index
    cannot be reached or does not list it (the caller falls back to pip). The sha256 is checked
    by the caller either way."""
    try:
        url = _index_files(sdist.name).get(sdist.archive)
        if url is None:
            print(f"{INDEX_URL}: no {sdist.archive}; trying pip", file=sys.stderr)
            return False
        print(f"downloading {sdist.archive}", file=sys.stderr)
        partial = archive.with_name(archive.name + ".part")
        with urllib.request.urlopen(url, timeout=120) as response, partial.open("wb") as out:
            shutil.copyfileobj(response, out)
        partial.replace(archive)
        return True
    except (OSError, ValueError, KeyError) as error:  # URLError is an OSError
        print(f"{INDEX_URL}: {error}; trying pip", file=sys.stderr)
        return False


def fetch(sdist: Sdist, local: Path | None = None) -> Path:
    """The verified archive: a good copy already cached (or lying in `local`), else downloaded
    from the index (`_from_index`), else by pip."""
    SDISTS.mkdir(parents=True, exist_ok=True)
    archive = SDISTS / sdist.archive
    if archive.exists() and sha256_of(archive) == sdist.sha256:
        return archive
    archive.unlink(missing_ok=True)
    if local is not None and (local / sdist.archive).is_file():
        if sha256_of(local / sdist.archive) == sdist.sha256:
            shutil.copyfile(local / sdist.archive, archive)
            return archive
        print(f"{local / sdist.archive}: sha256 differs from the pin; downloading", file=sys.stderr)
    if not _from_index(sdist, archive):
        print(f"downloading {sdist.name}=={sdist.version} with pip", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary",
             ":all:", f"{sdist.name}=={sdist.version}", "-d", str(SDISTS)],
            check=True,
        )  # fmt: skip
    if not archive.exists():
        found = sorted(p.name for p in SDISTS.glob(f"{sdist.name}-{sdist.version}*"))
        raise SystemExit(f"pip did not produce {sdist.archive} (found: {found})")
    actual = sha256_of(archive)
    if actual != sdist.sha256:
        archive.unlink()
        raise SystemExit(
            f"sha256 mismatch for {sdist.archive}: expected {sdist.sha256}, got {actual}"
        )
    return archive


def unpack(archive: Path, into: Path) -> None:
    """Extract safely: tarfile's "data" filter rejects absolute paths, `..`, links that leave
    the tree and special files; zip members are checked by hand."""
    into.mkdir(parents=True, exist_ok=True)
    if archive.name.endswith((".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")):
        with tarfile.open(archive) as tar:
            tar.extractall(into, filter="data")
        return
    with zipfile.ZipFile(archive) as zf:
        root = into.resolve()
        for member in zf.namelist():
            target = (into / member).resolve()
            if not target.is_relative_to(root):
                raise SystemExit(f"unsafe path in {archive.name}: {member}")
        zf.extractall(into)


def manifest_for(names: tuple[str, ...]) -> dict[str, str]:
    return {PINS[n].folder: PINS[n].sha256 for n in names}


def build(corpus: str, local: Path | None = None) -> Path:
    names = CORPORA[corpus]
    target = CORPUS_ROOT / corpus
    # Beside the corpus, not in it, so no tool scans it.
    manifest = CORPUS_ROOT / f"{corpus}.manifest.json"
    wanted = manifest_for(names)
    if manifest.exists() and json.loads(manifest.read_text()) == wanted:
        print(f"{corpus}: up to date in {target}", file=sys.stderr)
        return target
    if target.exists():
        shutil.rmtree(target)
    staging = CORPUS_ROOT / f".{corpus}.partial"
    if staging.exists():
        shutil.rmtree(staging)
    for name in names:
        unpack(fetch(PINS[name], local), staging)
        if not (staging / PINS[name].folder).is_dir():
            raise SystemExit(f"{PINS[name].archive} did not unpack to {PINS[name].folder}/")
    staging.rename(target)
    manifest.write_text(json.dumps(wanted, indent=2, sort_keys=True) + "\n")
    files = sum(1 for p in target.rglob("*") if p.is_file())
    print(f"{corpus}: {files} files in {target}", file=sys.stderr)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", choices=[*CORPORA, "all"])
    parser.add_argument("--sdists", type=Path, help="a folder of archives to use before pip")
    args = parser.parse_args(argv)
    chosen = list(CORPORA) if "all" in args.corpus else list(dict.fromkeys(args.corpus))
    for corpus in chosen:
        print(build(corpus, args.sdists))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
