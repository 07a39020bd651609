// Copies the files the pages use from node_modules into wwwroot/lib (committed), so the app
// needs neither npm nor the internet at run time.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const files = {
  "bootstrap/dist/css/bootstrap.min.css": "bootstrap/css/bootstrap.min.css",
  "bootstrap/dist/css/bootstrap.min.css.map": "bootstrap/css/bootstrap.min.css.map",
  "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap/js/bootstrap.bundle.min.js",
  "bootstrap/dist/js/bootstrap.bundle.min.js.map": "bootstrap/js/bootstrap.bundle.min.js.map",
  "bootstrap/LICENSE": "bootstrap/LICENSE",
  // The common build (line, bar and the usual components, both renderers) is all the dashboard draws.
  "echarts/dist/echarts.common.min.js": "echarts/echarts.common.min.js",
  "echarts/LICENSE": "echarts/LICENSE",
  "echarts/NOTICE": "echarts/NOTICE",
  "echarts/licenses/LICENSE-d3": "echarts/licenses/LICENSE-d3",
};

rmSync("wwwroot/lib", { recursive: true, force: true });
for (const [from, to] of Object.entries(files)) {
  mkdirSync(`wwwroot/lib/${to.substring(0, to.lastIndexOf("/"))}`, { recursive: true });
  cpSync(`node_modules/${from}`, `wwwroot/lib/${to}`);
}
