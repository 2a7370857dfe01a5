# The readygate App (docs/app.md, docs/app-scaling.md). Build from a clone: docker build -t readygate-app .
# Credentials (APP_ID, PRIVATE_KEY or a mounted PRIVATE_KEY_PATH, WEBHOOK_SECRET) are given at run
# time, never baked in.
FROM node:22-slim
WORKDIR /app
COPY . .
# Dev dependencies are needed to build; NODE_ENV is set only afterwards.
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
USER node
EXPOSE 3000
# Node is PID 1 (no npm or shell in between), so the SIGTERM of `docker stop` reaches the App, which
# stops taking webhooks and finishes its accepted deliveries.
CMD ["node", "build/app/server.js"]
