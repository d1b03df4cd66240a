import type { Service } from "../core/service";
import { stsService } from "./sts/sts-service";

/** Every simulated service; requests are routed by their SigV4 signing name (and path prefix for REST). */
export const services: Service[] = [stsService];
