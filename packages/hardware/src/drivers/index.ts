/**
 * The drivers of `@crappy/hardware`, registered by class name on import.
 * @module
 */
export { Agilent34420A, type Agilent34420AOptions } from './agilent-34420a.js';
export { OpsensHandySens, type OpsensHandySensOptions } from './opsens-handysens.js';
export { SagerSG_GS1700, type SagerSG_GS1700Options } from './sager-sg-gs1700.js';
export { OrientalARDK, type OrientalARDKOptions } from './oriental-ardk.js';
export { SchneiderMDrive23, type SchneiderMDrive23Options } from './schneider-mdrive-23.js';
export { JVLMac140, type JVLMac140Options } from './jvl-mac-140.js';
export { ServoStar300, type ServoStar300Options } from './servostar-300.js';
export { NewportTRA6PPD, type NewportTRA6PPDOptions } from './newport-tra6ppd.js';
export { Sim868, type Sim868Options } from './sim868.js';
export { ADS1115, type ADS1115Options } from './ads1115.js';
export type { Ads1115Input } from './ads1115-registers.js';
export { GPIOSwitch, type GPIOSwitchOptions } from './gpio-switch.js';
export { MPRLS, type MPRLSOptions } from './mprls.js';
export { MCP9600, type MCP9600Options } from './mcp9600.js';
export type { Mcp9600Mode, Mcp9600Thermocouple } from './mcp9600-registers.js';
export { NAU7802, type NAU7802Options } from './nau7802.js';
export { DCMotorHat, type DCMotorHatOptions } from './dc-motor-hat.js';
export { PiJuice, type PiJuiceOptions } from './pijuice.js';
export { EurothermEPC3008, type EurothermEPC3008Options } from './eurotherm-epc3008.js';
export { FlowControllerAlicat, type FlowControllerAlicatOptions } from './flow-controller-alicat.js';
export { KollmorgenAKDPDMM, type KollmorgenAKDPDMMOptions } from './kollmorgen-akd-pdmm.js';
