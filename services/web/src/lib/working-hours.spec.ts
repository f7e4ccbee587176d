import { holidaysSummary, workingHoursSummary } from './working-hours';

const short = (day: string) => day.slice(0, 3);
const office = [{ from: '09:00', to: '18:00' }];

describe('workingHoursSummary', () => {
  it('runs weekdays with the same hours together', () => {
    expect(
      workingHoursSummary(
        {
          workingHours: {
            monday: office,
            tuesday: office,
            wednesday: office,
            thursday: office,
            friday: office,
          },
        },
        short,
      ),
    ).toEqual(['mon–fri 09:00–18:00']);
  });

  it('keeps days apart when their hours differ or a day is not worked between them', () => {
    expect(
      workingHoursSummary(
        {
          workingHours: {
            monday: office,
            tuesday: [{ from: '10:00', to: '14:00' }],
            thursday: office,
            saturday: [
              { from: '09:00', to: '12:00' },
              { from: '13:00', to: '15:00' },
            ],
          },
        },
        short,
      ),
    ).toEqual([
      'mon 09:00–18:00',
      'tue 10:00–14:00',
      'thu 09:00–18:00',
      'sat 09:00–12:00, 13:00–15:00',
    ]);
  });

  it('says nothing for a calendar without hours', () => {
    expect(workingHoursSummary({}, short)).toEqual([]);
  });
});

describe('holidaysSummary', () => {
  it('lists holidays once each, in date order, with their names when they have one', () => {
    expect(
      holidaysSummary(
        ['2027-01-07', '2027-01-01', '2027-02-23', '2027-01-07'],
        { '2027-01-07': 'Рождество Христово', '2027-02-23': '  ', '2027-05-09': 'Victory Day' },
        (date) => date.slice(5),
      ),
    ).toEqual(['01-01', '01-07 — Рождество Христово', '02-23']);
  });
});
