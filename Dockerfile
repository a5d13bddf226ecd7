# syntax=docker/dockerfile:1
# One image for every service of the pipeline (and for the infra-init job of
# docker-compose.yml). Pick the service at run time:
#   docker run -e SERVICE=intake -p 3001:3001 complaints-platform
# Services run from their TypeScript sources through @swc-node/register, exactly as in
# development, so there is no separate build output to drift from the sources.

# --- package manifests only -------------------------------------------------------------
# Copying just the package.json files (at their workspace paths) keeps the `npm ci` layer
# cached until a dependency changes, instead of re-installing on every source edit.
FROM node:20-bookworm AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && cp package.json package-lock.json /manifests/ \
 && for f in libs/*/package.json services/*/package.json; do \
      if [ -f "$f" ]; then mkdir -p "/manifests/$(dirname "$f")" && cp "$f" "/manifests/$f"; fi; \
    done

# --- dependencies + sources ---------------------------------------------------------------
FROM node:20-bookworm AS build
WORKDIR /app
COPY --from=manifests /manifests/ ./
# Dev dependencies stay: @swc-node/register (the runtime compiler) and @swc/core are devDeps.
RUN ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund
COPY . .

# --- runtime --------------------------------------------------------------------------------
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    SWC_NODE_PROJECT=/app/tsconfig.json
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3001 3002 3003 3004 3005 3007
# sh -c so $SERVICE expands; exec so node replaces the shell and receives SIGTERM directly.
CMD ["sh", "-c", "exec node -r @swc-node/register \"services/${SERVICE:?set SERVICE to intake, classification, investigation, feedback, archiving or analytics}/src/main.ts\""]
