/**
 * Simulated instruments, one per driver, for tests and for trying a script
 * without the hardware: give them to the hub with `start({ hardware: ... })`.
 * @module
 */
export { Agilent34420ASimulator } from './agilent-34420a-simulator.js';
export { OpsensHandySensSimulator } from './opsens-handysens-simulator.js';
export { SagerSG_GS1700Simulator } from './sager-sg-gs1700-simulator.js';
export { OrientalARDKSimulator } from './oriental-ardk-simulator.js';
export { SchneiderMDrive23Simulator } from './schneider-mdrive-23-simulator.js';
export { JVLMac140Simulator } from './jvl-mac-140-simulator.js';
export { ServoStar300Simulator } from './servostar-300-simulator.js';
export { NewportTRA6PPDSimulator } from './newport-tra6ppd-simulator.js';
export { Sim868Simulator } from './sim868-simulator.js';
export { ADS1115Simulator } from './ads1115-simulator.js';
export { MPRLSSimulator } from './mprls-simulator.js';
export { MCP9600Simulator, type Mcp9600Reading } from './mcp9600-simulator.js';
export { NAU7802Simulator } from './nau7802-simulator.js';
export { DCMotorHatSimulator } from './dc-motor-hat-simulator.js';
export { PiJuiceSimulator, type PiJuiceState } from './pijuice-simulator.js';
export { ModbusRtuSimulator } from './modbus-rtu-simulator.js';
export { EurothermEPC3008Simulator } from './eurotherm-epc3008-simulator.js';
export { FlowControllerAlicatSimulator } from './flow-controller-alicat-simulator.js';
export { KollmorgenAKDPDMMSimulator } from './kollmorgen-akd-pdmm-simulator.js';
