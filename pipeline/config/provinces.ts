/**
 * The 31 provincial-level divisions of mainland China with their real 2-digit codes and names.
 * Counties and population are approximate public figures, used only as weights and sizes for
 * the synthetic national sample (how many synthetic counties a province gets, how many schools
 * and postings it draws); no figure here is quoted as a statistic.
 */
export interface Province {
  /** First two digits of every administrative code in the province (e.g. 50 for 重庆). */
  code: string;
  name: string;
  /** County-level divisions (区/县/县级市), approximately. */
  counties: number;
  /** Resident population in millions, approximately (a weight, not a figure shown anywhere). */
  population: number;
}

const ROWS: [string, string, number, number][] = [
  ['11', '北京市', 16, 21.9],
  ['12', '天津市', 16, 13.6],
  ['13', '河北省', 167, 74.0],
  ['14', '山西省', 117, 34.7],
  ['15', '内蒙古自治区', 103, 24.0],
  ['21', '辽宁省', 100, 41.8],
  ['22', '吉林省', 60, 23.4],
  ['23', '黑龙江省', 121, 30.6],
  ['31', '上海市', 16, 24.9],
  ['32', '江苏省', 95, 85.3],
  ['33', '浙江省', 90, 66.3],
  ['34', '安徽省', 104, 61.2],
  ['35', '福建省', 84, 41.8],
  ['36', '江西省', 100, 45.2],
  ['37', '山东省', 136, 101.2],
  ['41', '河南省', 157, 98.2],
  ['42', '湖北省', 103, 58.4],
  ['43', '湖南省', 122, 65.7],
  ['44', '广东省', 122, 127.1],
  ['45', '广西壮族自治区', 111, 50.3],
  ['46', '海南省', 25, 10.4],
  ['50', '重庆市', 38, 31.9],
  ['51', '四川省', 183, 83.7],
  ['52', '贵州省', 88, 38.7],
  ['53', '云南省', 129, 46.7],
  ['54', '西藏自治区', 74, 3.6],
  ['61', '陕西省', 107, 39.5],
  ['62', '甘肃省', 86, 24.7],
  ['63', '青海省', 44, 5.9],
  ['64', '宁夏回族自治区', 22, 7.3],
  ['65', '新疆维吾尔自治区', 107, 26.3],
];

export const PROVINCES: readonly Province[] = ROWS.map(([code, name, counties, population]) => ({ code, name, counties, population }));

/** 四川省 → 四川, 广西壮族自治区 → 广西: the prefix of school names. */
export const placeName = (province: Province): string => province.name.replace(/(?:壮族|回族|维吾尔)?自治区$|[省市]$/, '');

/** The names a province goes by in a place written out: 重庆市 and 重庆, 广西壮族自治区 and 广西. */
export const provinceNames = (province: Province): string[] => [province.name, placeName(province)];
