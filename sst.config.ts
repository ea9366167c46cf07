import type { SSTConfig } from "sst";
import { Storage } from "./stacks/Storage";
import { Email } from "./stacks/Email";
import { Api } from "./stacks/Api";
import { Jobs } from "./stacks/Jobs";
import { Web } from "./stacks/Web";

export default {
  config(input) {
    return {
      name: "studiosync",
      region: input.region ?? "us-east-1",
    };
  },
  stacks(app) {
    app.setDefaultFunctionProps({ runtime: "nodejs22.x" });
    app.setDefaultRemovalPolicy(app.stage === "production" ? "retain" : "destroy");
    app.stack(Storage).stack(Email).stack(Api).stack(Jobs).stack(Web);
  },
} satisfies SSTConfig;
