# secretcheck in a small image, run on a repository mounted at /src:
#
#   docker build -t secretcheck .
#   docker run --rm -v "$PWD:/src:ro" secretcheck                 # = secretcheck scan .
#   docker run --rm -v "$PWD:/src:ro" secretcheck scan --format sarif .
#
# The base is pinned to a patch release; pin its digest too (`python:3.12.7-slim-bookworm@sha256:...`)
# where your registry policy asks for it. BASE_IMAGE lets a mirror or an offline stand-in be used.
ARG BASE_IMAGE=python:3.12.7-slim-bookworm
FROM ${BASE_IMAGE}

# git: discovery (`git ls-files`), --staged, --diff and history all read the mounted repository.
RUN apt-get update \
    && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin scanner

COPY . /tmp/secretcheck-src
RUN pip install --no-cache-dir --disable-pip-version-check /tmp/secretcheck-src \
    && rm -rf /tmp/secretcheck-src \
    && secretcheck --version

USER scanner
# The mounted repository is owned by the host user, not by the container's, and git refuses such
# a repository ("dubious ownership") unless it is a safe.directory. secretcheck ignores git's
# system config (GIT_CONFIG_NOSYSTEM) but reads the user's, so the setting goes there. Without
# it `scan` falls back to a plain walk (ignoring .gitignore) and `history`/`--diff` fail.
RUN git config --global --add safe.directory /src
# A read-only mount (`-v "$PWD:/src:ro"`) works: the findings cache is then not written.
ENV PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
ENTRYPOINT ["secretcheck"]
CMD ["scan", "."]
