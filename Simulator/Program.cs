Console.WriteLine("hacasim");
