# syntax=docker/dockerfile:1
# One image for every service of the pipeline (and for the infra-init job of
# docker-compose.yml). Pick the service at run time:
#   docker run -e SERVICE=intake -p 3001:3001 complaints-platform
# Services run compiled, from dist/ (`npm run build`, swc, made in the build stage from the
# sources copied into it), as `npm start` runs them; the infra-init job runs its TypeScript
# through @swc-node/register.

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
# Dev dependencies stay: @swc/core (the build) and @swc-node/register (infra-init) are devDeps.
RUN ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund
COPY . .
RUN node infra/build/build.js

# --- runtime --------------------------------------------------------------------------------
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    SWC_NODE_PROJECT=/app/tsconfig.json
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3001 3002 3003 3004 3005 3006 3007
# sh -c so $SERVICE expands; exec so node replaces the shell and receives SIGTERM directly.
CMD ["sh", "-c", "exec node \"dist/services/${SERVICE:?set SERVICE to intake, classification, investigation, feedback, archiving, deadlines or analytics}/src/main.js\""]
