# syntax=docker/dockerfile:1
# ARRS Planner image: `docker compose up` runs it with PostgreSQL (docker-compose.yml).

# The NHS.UK frontend, as `make assets` fetches it: npm ci from the lock file, then the
# built CSS, JS and assets into nhsuk/.
FROM node:20-bookworm-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
RUN dist=node_modules/nhsuk-frontend/dist/nhsuk \
 && mkdir -p /out/nhsuk \
 && cp "$dist/nhsuk-frontend.min.css" "$dist/nhsuk-frontend.min.js" /out/nhsuk/ \
 && cp -R "$dist/assets" /out/nhsuk/assets

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=assets /out/nhsuk web/static/nhsuk
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/arrs ./cmd/arrs

# debian-slim rather than distroless: compose runs `sh -c "arrs migrate up && ..."`.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home arrs
COPY --from=build /out/arrs /usr/local/bin/arrs
USER arrs
ENV ADDR=:8080
EXPOSE 8080
ENTRYPOINT ["arrs"]
CMD ["serve"]
