// sdk-extras.js: the checklist and resource center renderers, loaded by sdk.js on first need
// (sdk/extras-loader.ts), which adds them to its registry.
import { checklist } from "./checklist";
import { resourceCenter } from "./resource-center";

(window as unknown as { __heraldExtras?: object }).__heraldExtras = { checklist, resource_center: resourceCenter };
