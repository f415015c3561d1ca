# onrecord in a container: the database lives in the /data volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ONRECORD_DATABASE_URL=sqlite:////data/onrecord.db

WORKDIR /srv/onrecord
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY templates ./templates
COPY static ./static
RUN pip install --no-cache-dir -e . \
    && useradd --system --uid 10001 --home-dir /srv/onrecord onrecord \
    && mkdir /data && chown onrecord /data

USER 10001
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"]
CMD ["onrecord", "serve", "--host", "0.0.0.0", "--port", "8000"]
