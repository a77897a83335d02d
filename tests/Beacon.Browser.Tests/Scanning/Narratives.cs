namespace Beacon.Browser.Tests.Scanning;

/// <summary>One sign a narrative states, denies or leaves uncertain: the words the scanner marks and the catalog item.</summary>
public sealed record Sign(string Words, string Indicator);

/// <summary>
/// A caseworker's long narrative (synthetic, twenty sentences) mixing signs it states, denies and leaves
/// uncertain, with plain sentences between them; each sign's words chosen to be unambiguous for the scanner.
/// </summary>
public sealed record Narrative(string Text, IReadOnlyList<Sign> Stated, IReadOnlyList<Sign> Denied, IReadOnlyList<Sign> Uncertain)
{
    public static readonly Narrative English = new(
        """
        The youth is fifteen and came to the school office with her counselor on Monday morning.
        She has two phones and a hotel key card in her backpack.
        She denies an older boyfriend.
        Her teacher says her grades dropped this semester.
        Staff are worried she may be staying at a motel.
        She had a roll of cash when she arrived.
        There were no unexplained bruises on her arms.
        It is unclear if she met him online.
        She lives in foster care and speaks warmly of her caregivers.
        She denies substance use.
        She showed a gift card from a man she would not name.
        Possibly someone offered her a modeling job.
        She does not have a tattoo of a crown.
        She said she felt tired and wanted to go home.
        The counselor offered her lunch and she accepted.
        She never mentioned a pimp.
        She may have sexualized behavior at school.
        We talked about her favourite music for a while.
        The counselor will call the caregivers again on Friday.
        A safety plan was started with her.
        """,
        [new("two phones", "multiple-phones"), new("hotel key card", "hotel-keys"), new("grades dropped", "school-disruption"),
         new("roll of cash", "cash-rolls"), new("foster care", "foster-care"), new("gift card", "gift-cards")],
        [new("older boyfriend", "older-partner"), new("unexplained bruises", "unexplained-injuries"), new("substance use", "substance-abuse"),
         new("tattoo of a crown", "branding-tattoos"), new("pimp", "third-party-benefit")],
        [new("staying at a motel", "runaway-homeless"), new("met him online", "online-contact"), new("modeling", "false-job-offer"),
         new("sexualized", "atypical-sexual-behavior")]);

    public static readonly Narrative Spanish = new(
        """
        La joven tiene quince años y llegó a la oficina de la escuela con su consejera el lunes por la mañana.
        Tiene dos celulares y una tarjeta de hotel en la mochila.
        Niega tener un novio mayor.
        Su maestra dice que bajaron sus calificaciones este semestre.
        Tal vez duerme en el carro de un conocido.
        Traía un fajo de billetes cuando llegó.
        No se observaron moretones sin explicación en los brazos.
        No está claro si lo conoció por internet.
        Vive con una familia de crianza y habla con cariño de sus cuidadores.
        Niega el consumo de drogas.
        Mostró una tarjeta de regalo de un hombre que no quiso nombrar.
        Posiblemente alguien le ofreció un trabajo de modelo.
        No tiene un tatuaje de corona.
        Dijo que estaba cansada y que quería irse a casa.
        La consejera le ofreció almuerzo y ella aceptó.
        Nunca mencionó a un padrote.
        Quizás tiene conducta sexualizada en la escuela.
        Hablamos un rato de su música favorita.
        La consejera volverá a llamar a sus cuidadores el viernes.
        Se empezó un plan de seguridad con ella.
        """,
        [new("dos celulares", "multiple-phones"), new("tarjeta de hotel", "hotel-keys"), new("bajaron sus calificaciones", "school-disruption"),
         new("fajo de billetes", "cash-rolls"), new("familia de crianza", "foster-care"), new("tarjeta de regalo", "gift-cards")],
        [new("novio mayor", "older-partner"), new("moretones sin explicación", "unexplained-injuries"), new("consumo de drogas", "substance-abuse"),
         new("tatuaje de corona", "branding-tattoos"), new("padrote", "third-party-benefit")],
        [new("duerme en el carro", "runaway-homeless"), new("lo conoció por internet", "online-contact"), new("le ofreció un trabajo", "false-job-offer"),
         new("conducta sexualizada", "atypical-sexual-behavior")]);
}
